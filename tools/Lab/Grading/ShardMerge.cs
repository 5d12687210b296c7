using Lab.Cli.Commands;
using Lab.Cli.Exercises;
using Lab.Cli.Reports;

namespace Lab.Cli.Grading;

/// <summary>
/// Joins the shard results of one class (<c>lab grade --merge</c>) into the plan and results an unsharded run would
/// have had: every shard of one split exactly once, the same class, exercises, settings and lab version, no student
/// twice; trace paths in the results are moved from each shard's output folder to the merged one.
/// </summary>
public static class ShardMerge
{
    /// <summary>The merged class: the plan its reports are written under, every student's results, and where each shard lies.</summary>
    /// <param name="Plan">As for an unsharded run writing into the merged output folder.</param>
    /// <param name="Students">Every student of the class, in ordinal order.</param>
    /// <param name="Shards">Each shard's folder (as given) and result, in shard order.</param>
    public sealed record MergedClass(GradingPlan Plan, IReadOnlyList<StudentResult> Students, IReadOnlyList<(string Directory, ShardResult Result)> Shards);

    /// <summary>Reads and checks the shards in <paramref name="shardDirectories"/>; every inconsistency is a one-line <see cref="UsageException"/>.</summary>
    public static MergedClass Load(IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        var shards = shardDirectories.Select(Path.GetFullPath).Select(d => (Directory: d, Result: ShardResult.Read(d))).ToList();
        foreach ((string directory, _) in shards)
        {
            if (SameFolder(directory, outputDirectory))
            {
                throw new UsageException($"--out '{outputDirectory}' is one of the shards; merge into a folder of its own");
            }
            if (GradeReports.RunOutputs.Any(name => GradeCommand.IsInside(directory, Path.Combine(outputDirectory, name))))
            {
                throw new UsageException($"--merge '{directory}' lies inside what merging into --out '{outputDirectory}' replaces; move the shard or merge elsewhere");
            }
        }
        (string firstDirectory, ShardResult first) = shards[0];
        foreach ((string directory, ShardResult shard) in shards.Skip(1))
        {
            Same(shard.ShardCount, first.ShardCount, "split", directory, firstDirectory, n => $"into {n} shards");
            Same(shard.LabVersion, first.LabVersion, "lab version", directory, firstDirectory, v => v);
            Same(string.Join(", ", shard.Exercises), string.Join(", ", first.Exercises), "exercises", directory, firstDirectory, e => e);
            Same(shard.SubmissionsDirectory, first.SubmissionsDirectory, "submissions folder", directory, firstDirectory, s => s);
            Same(shard.Settings.Seed, first.Settings.Seed, "seed", directory, firstDirectory, s => s.ToString());
            Same(shard.Settings.Budget, first.Settings.Budget, "budget", directory, firstDirectory, b => b.ToString());
            Same(shard.Settings.Timeout, first.Settings.Timeout, "time limit", directory, firstDirectory, t => $"{t.TotalSeconds:0.###} s");
            Same(shard.Settings with { TraceDirectory = "" }, first.Settings with { TraceDirectory = "" }, "grading settings", directory, firstDirectory, s => s.ToString());
            Same(string.Join("\n", shard.Class), string.Join("\n", first.Class), "class", directory, firstDirectory, _ => "");
        }
        foreach (var byIndex in shards.GroupBy(s => s.Result.Shard))
        {
            if (byIndex.Count() > 1)
            {
                throw new UsageException($"shard {byIndex.Key}/{first.ShardCount} is given twice ('{byIndex.First().Directory}' and '{byIndex.Skip(1).First().Directory}'); give each shard once");
            }
        }
        var missing = Enumerable.Range(1, first.ShardCount).Except(shards.Select(s => s.Result.Shard)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{first.ShardCount}"))} " +
                                     $"missing; merge the --out folders of all {first.ShardCount} shards");
        }
        IReadOnlyList<Exercise> exercises = first.Exercises.Select(ExerciseCatalog.Find).ToList();
        foreach ((string directory, ShardResult shard) in shards) CheckStudents(directory, shard, exercises);
        var students = shards
            .SelectMany(s => s.Result.Students.Select(student => MovedTraces(student, s.Result.OutputDirectory, outputDirectory)))
            .OrderBy(s => s.Student, StringComparer.Ordinal)
            .ToList();
        var plan = new GradingPlan(first.SubmissionsDirectory, outputDirectory, exercises,
            first.Settings with { TraceDirectory = Path.Combine(outputDirectory, "traces") }, Workers: 1);
        return new MergedClass(plan, students, shards.OrderBy(s => s.Result.Shard).ToList());
    }

    /// <summary>Copies each student's trace folder from their shard into the merged output folder (regular files only, no links).</summary>
    public static void CopyTraces(MergedClass merged)
    {
        foreach ((string directory, ShardResult shard) in merged.Shards)
        {
            foreach (StudentResult student in shard.Students)
            {
                string from = Path.Combine(directory, "traces", student.Student);
                if (Directory.Exists(from) && !IsLink(from)) CopyFolder(from, merged.Plan.TraceDirectory(student.Student));
            }
        }
    }

    private static void CheckStudents(string directory, ShardResult shard, IReadOnlyList<Exercise> exercises)
    {
        var expected = new ClassShard(shard.Shard, shard.ShardCount).Select(shard.Class);
        if (!shard.Students.Select(s => s.Student).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new UsageException($"--merge '{directory}': its students are not shard {shard.Shard}/{shard.ShardCount} of its class; was {ShardResult.FileName} edited?");
        }
        foreach (StudentResult student in shard.Students)
        {
            if (!student.Exercises.Select(e => e.ExerciseId).SequenceEqual(exercises.Select(e => e.Id), StringComparer.Ordinal))
            {
                throw new UsageException($"--merge '{directory}': the results of '{student.Student}' are not one per exercise graded; was {ShardResult.FileName} edited?");
            }
        }
    }

    private static void Same<T>(T value, T expected, string what, string directory, string firstDirectory, Func<T, string> describe)
    {
        if (EqualityComparer<T>.Default.Equals(value, expected)) return;
        string detail = describe(value) is { Length: > 0 } shown ? $" ({describe(expected)} in '{firstDirectory}', {shown} in '{directory}')" : $" ('{firstDirectory}' and '{directory}')";
        throw new UsageException($"the shards differ in their {what}{detail}; merge only the shards of one 'lab grade --shard' split");
    }

    /// <summary>The student with every trace path under <paramref name="shardOutput"/>/traces rewritten to lie under <paramref name="mergedOutput"/>/traces.</summary>
    private static StudentResult MovedTraces(StudentResult student, string shardOutput, string mergedOutput)
    {
        string from = Path.Combine(shardOutput, "traces") + Path.DirectorySeparatorChar;
        string to = Path.Combine(mergedOutput, "traces") + Path.DirectorySeparatorChar;
        return student with
        {
            Exercises = student.Exercises.Select(e => e with
            {
                Checks = e.Checks.Select(c => c with { Output = c.Output.Replace(from, to, StringComparison.Ordinal) }).ToList(),
            }).ToList(),
        };
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            if (!IsLink(file)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
        foreach (string folder in Directory.EnumerateDirectories(from))
        {
            if (!IsLink(folder)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static bool IsLink(string path) => new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint);

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
