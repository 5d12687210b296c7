using System.CommandLine;
using Lab.Cli.Coyote;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Reports;
using Lab.Cli.Terminal;
using Spectre.Console;

namespace Lab.Cli.Commands;

/// <summary>
/// <c>lab grade &lt;submissions-dir&gt;</c>: grades every student's exercise files (compile, explore, regression corpus,
/// concurrency probe), each in a worker process under a time limit, and writes Gradescope, JUnit, CSV and Markdown
/// reports. Exit code 0 when grading ran (whatever the students scored), 1 for a usage or input error.
/// </summary>
public static class GradeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(LabConsole console)
    {
        var defaults = new GradingSettings();
        var submissions = new Argument<string?>("submissions-dir")
        {
            Description = "A folder with one sub-folder per student, holding that student's exercise files (none with --merge).", Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--out") { Description = "Where the reports go.", DefaultValueFactory = _ => "grading-out" };
        var seed = new Option<ulong>("--seed") { Description = "The seed of every exploration: the same for every student." };
        var budget = new Option<int>("--budget") { Description = "Portfolio iterations per submission.", DefaultValueFactory = _ => defaults.Budget };
        var timeout = Duration.Option("--timeout", $"Processor-time limit per submission and exercise, at least {Duration.Describe(GradingSettings.ShortestTimeout)} (default {defaults.Timeout.TotalSeconds:0} s).",
            GradingSettings.ShortestTimeout);
        var exercises = new Option<string[]>("--exercise") { Description = "Grade only these exercises (default: all).", AllowMultipleArgumentsPerToken = true };
        var engine = new Option<string>("--engine")
        {
            Description = "lab (default), or coyote / both: also a second opinion from Microsoft Coyote on each submission, beside the lab's verdict (the lab's engine scores).",
            DefaultValueFactory = _ => "lab",
        };
        var workers = new Option<int>("--workers") { Description = "Worker processes at once (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard")
        {
            HelpName = "i/n",
            Description = "Grade only shard i of n (e.g. 2/4) for a CI matrix: the students sorted by folder name, the k-th (from 0) in shard (k mod n) + 1; " +
                          "writes shard.json next to the shard's reports for --merge.",
        };
        var merge = new Option<string[]>("--merge")
        {
            HelpName = "shard-out",
            Description = "Merge the --out folders of all shards of one split into one gradebook and the reports of an unsharded run, written to --out.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("grade", "Grade a folder of student submissions and write results.json (Gradescope), junit.xml, gradebook.csv and summary.md.")
        {
            submissions, output, seed, budget, timeout, exercises, workers, shard, merge, engine,
        };
        CommandAction.Set(command, console, parse =>
        {
            string outputDirectory = Path.GetFullPath(parse.GetRequiredValue(output));
            if (parse.GetResult(merge) is { } merging)
            {
                if (parse.GetValue(submissions) is not null) throw new UsageException("with --merge give no submissions folder: the shards name the one they graded");
                Option[] graded = [seed, budget, timeout, exercises, workers, shard, engine];
                if (graded.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
                {
                    throw new UsageException($"{given.Name} cannot be combined with --merge: the shards' own settings are merged (and must agree)");
                }
                string[] shardDirectories = merging.GetValueOrDefault<string[]>() ?? [];
                if (shardDirectories.Length == 0) throw new UsageException("--merge takes the --out folders of every shard, e.g. --merge shard-1 shard-2");
                return GradeMerge.Run(console, shardDirectories, outputDirectory);
            }
            if (parse.GetValue(budget) < 1) throw new UsageException("--budget must be at least 1");
            if (parse.GetValue(workers) < 1) throw new UsageException("--workers must be at least 1");
            ClassShard? chosenShard = parse.GetValue(shard) is { } shardText ? ClassShard.Parse(shardText) : null;
            string? coyoteCli = null;
            if (CoyoteGrading.WantsOpinion(parse.GetRequiredValue(engine)))
            {
                CoyoteGrading.Seed(parse.GetValue(seed));
                coyoteCli = CoyoteCli.Locate();
            }
            string submissionsDirectory = Path.GetFullPath(parse.GetValue(submissions)
                ?? throw new UsageException("grade needs the submissions folder (one sub-folder per student), or --merge with the --out folders of the shards"));
            RefuseOutputInside(outputDirectory, submissionsDirectory);
            string[] chosen = parse.GetValue(exercises) ?? [];
            var plan = new GradingPlan(
                submissionsDirectory,
                outputDirectory,
                chosen.Length == 0 ? ExerciseCatalog.All : chosen.Select(ExerciseCatalog.Find).Distinct().ToList(),
                new GradingSettings
                {
                    Seed = parse.GetValue(seed), Budget = parse.GetValue(budget), Timeout = parse.GetValue(timeout) ?? defaults.Timeout,
                    TraceDirectory = Path.Combine(outputDirectory, "traces"), CoyoteCliPath = coyoteCli,
                },
                parse.GetValue(workers),
                chosenShard);
            return Run(console, plan);
        });
        return command;
    }

    /// <summary>Grades what <paramref name="plan"/> names, prints the gradebook, writes the reports (and shard.json for a shard); returns the exit code.</summary>
    public static int Run(LabConsole console, GradingPlan plan)
    {
        IReadOnlyList<(string Student, string Path)> everyone = SubmissionFolder.Students(plan.SubmissionsDirectory);
        OutputPath.WritableDirectory(plan.OutputDirectory, "--out");
        GradeReports.RemoveStale(plan.OutputDirectory);
        CoyoteGradeReport.RemoveStale(plan.OutputDirectory);
        console.Line($"Grading {plan.SubmissionsDirectory}: {plan.Exercises.Count} exercises, seed {plan.Settings.Seed}, " +
                     $"budget {plan.Settings.Budget}, time limit {plan.Settings.Timeout.TotalSeconds:0.#} s, {plan.Workers} workers");
        if (plan.Shard is { } shard)
        {
            console.Line($"shard {shard}: {plan.Students().Count} of {everyone.Count} students ({ClassShard.Rule})");
        }
        console.Line(WorkerSandbox.Statement);
        if (plan.Settings.CoyoteCliPath is not null) console.Line(CoyoteGradeReport.Header);
        IReadOnlyList<StudentResult> students = ProgressDisplay.Run(console, "grading", update => GradingRun.Run(plan, update));
        Report(console, plan, students, plan.Shard is { } graded
            ? () => ShardResult.Of(plan, graded, everyone.Select(s => s.Student).ToList(), students).Write()
            : null);
        return ExitCodes.Success;
    }

    /// <summary>Prints the gradebook, writes every report of <paramref name="students"/> (and what <paramref name="alsoWrite"/> writes) and prints the verdict counts.</summary>
    public static void Report(LabConsole console, GradingPlan plan, IReadOnlyList<StudentResult> students, Func<string>? alsoWrite = null)
    {
        console.Out.Write(Gradebook(students, plan));
        if (plan.Settings.CoyoteCliPath is not null)
        {
            console.Out.Write(CoyoteGradeReport.Table(students));
            foreach (string note in CoyoteGradeReport.Notes(students)) console.Line(note);
        }
        foreach (string path in GradeReports.Write(plan, students)) console.Line($"wrote {path}");
        if (plan.Settings.CoyoteCliPath is not null) console.Line($"wrote {CoyoteGradeReport.Write(plan.OutputDirectory, students)}");
        if (alsoWrite is not null) console.Line($"wrote {alsoWrite()}");
        console.Line(FinalLine(students));
        if (plan.Settings.CoyoteCliPath is not null) console.Line(CoyoteGradeReport.FinalLine(students));
    }

    /// <summary>Refuses an output folder inside the submissions folder: it would be graded as a student's, and students' files could overwrite it.</summary>
    public static void RefuseOutputInside(string outputDirectory, string submissionsDirectory)
    {
        if (IsInside(outputDirectory, submissionsDirectory))
        {
            throw new UsageException($"--out '{outputDirectory}' is inside the submissions folder; reports there would be graded as a student's folder, and students' files could overwrite them");
        }
    }

    /// <summary>The last line: how many submissions got each verdict.</summary>
    public static string FinalLine(IReadOnlyList<StudentResult> students)
    {
        var results = students.SelectMany(s => s.Exercises).ToList();
        var counts = Enum.GetValues<Verdict>().Select(v => (Verdict: v, Count: results.Count(r => r.Verdict == v))).Where(c => c.Count > 0);
        return $"grade: {students.Count} students, {results.Count} submissions: " + string.Join(", ", counts.Select(c => $"{c.Count} {c.Verdict}"));
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal);
    }

    private static Table Gradebook(IReadOnlyList<StudentResult> students, GradingPlan plan)
    {
        var table = new Table().AddColumn("Student");
        foreach (Exercise exercise in plan.Exercises) table.AddColumn(Markup.Escape(exercise.Id));
        table.AddColumn("Total");
        foreach (StudentResult student in students)
        {
            var cells = new List<Text> { new(student.Student) };
            cells.AddRange(student.Exercises.Select(e => new Text($"{e.Score:0.#} {e.Verdict}")));
            cells.Add(new Text($"{student.Score:0.#} / {student.MaxScore:0.#}"));
            table.AddRow(cells);
        }
        return table;
    }
}
