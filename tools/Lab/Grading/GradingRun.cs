using Lab.Cli.Commands;
using Lab.Cli.Coyote;
using Lab.Cli.Exercises;
using Lab.Cli.Terminal;

namespace Lab.Cli.Grading;

/// <summary>
/// Grades every student's files: builds each exercise's regression corpus once (in memory, handed to each worker on its
/// stdin, so no worker can change what the next one reads), and compiles and runs each file in a worker process of its
/// own under the time limit, so a compile bomb costs only its own exercise.
/// </summary>
public static class GradingRun
{
    /// <summary>Grades everything <paramref name="plan"/> names, reporting progress per finished submission.</summary>
    public static IReadOnlyList<StudentResult> Run(GradingPlan plan, Action<ProgressUpdate> progress)
    {
        IReadOnlyList<(string Student, string Path)> students = plan.Students();
        var corpora = new Dictionary<Exercise, string>();
        ScratchFolder.SweepAbandoned();
        string scratch = ScratchFolder.Create();
        try
        {
            foreach (Exercise exercise in plan.Exercises)
            {
                corpora[exercise] = RegressionCorpus.Serialize(RegressionCorpus.Build(exercise.Scenario, plan.Settings.Seed, scratch));
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
        var jobs = students.SelectMany(s => plan.Exercises.Select(e => (s.Student, StudentPath: s.Path, Exercise: e))).ToList();
        var results = new ExerciseResult[jobs.Count];
        int done = 0;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = plan.Workers }, i =>
        {
            (string student, string path, Exercise exercise) = jobs[i];
            results[i] = Grade(plan, student, path, exercise, corpora[exercise]);
            int finished = Interlocked.Increment(ref done);
            progress(new ProgressUpdate(finished, jobs.Count, $"{student} / {exercise.Id}: {results[i].Verdict}"));
        });
        return students.Select((s, index) => new StudentResult(s.Student, results.Skip(index * plan.Exercises.Count).Take(plan.Exercises.Count).ToList())).ToList();
    }

    /// <summary>One student's exercise: missing, or what its worker made of it (compile errors included).</summary>
    public static ExerciseResult Grade(GradingPlan plan, string student, string studentDirectory, Exercise exercise, string corpus)
    {
        string? file = SubmissionFolder.FileFor(studentDirectory, exercise);
        if (file is null)
        {
            return ExerciseResult.Unchecked(exercise, Verdict.Missing, $"No {exercise.FileName} was handed in (looked in {studentDirectory}).");
        }
        if (SubmissionFolder.LeavesFolder(studentDirectory, file))
        {
            return ExerciseResult.Unchecked(exercise, Verdict.CompileError,
                $"{Path.GetFileName(file)} is a link to a file outside the student's folder; hand in the file itself.");
        }
        string[] arguments =
        [
            "grade-one", "--exercise", exercise.Id, "--file", Path.GetFullPath(file), "--corpus", GradeOneCommand.StandardInput,
            "--seed", plan.Settings.Seed.ToString(), "--budget", plan.Settings.Budget.ToString(), "--trace-dir", plan.TraceDirectory(student),
        ];
        string traces = plan.TraceDirectory(student);
        WorkerOutcome outcome = WorkerProcess.Run(arguments, plan.Settings.Timeout, input: corpus, resultPipe: true,
            wrap: (program, all) => WorkerSandbox.Wrap(program, all,
                hidden: [plan.SubmissionsDirectory, plan.OutputDirectory], readOnly: [Path.GetFullPath(file)], writable: [traces]));
        ExerciseResult result = WorkerVerdict.ResultOf(exercise, outcome, plan.Settings.Timeout);
        return plan.Settings.CoyoteCliPath is { } coyote ? result with { Coyote = CoyoteGrading.Opine(plan, student, file, exercise, coyote) } : result;
    }
}
