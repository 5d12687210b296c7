using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>What one <c>lab grade</c> run grades, where it writes, and how many workers run at once.</summary>
/// <param name="SubmissionsDirectory">One sub-folder per student.</param>
/// <param name="OutputDirectory">Where reports and traces go.</param>
/// <param name="Exercises">The exercises graded.</param>
/// <param name="Settings">Seed, budget and time limit, the same for every student.</param>
/// <param name="Workers">Worker processes running at once.</param>
/// <param name="Shard">Grade only this shard of the class (<c>--shard i/n</c>), or the whole class when null.</param>
public sealed record GradingPlan(string SubmissionsDirectory, string OutputDirectory, IReadOnlyList<Exercise> Exercises, GradingSettings Settings, int Workers,
    ClassShard? Shard = null)
{
    /// <summary>The students this plan grades: the whole class, or its shard, in ordinal order.</summary>
    public IReadOnlyList<(string Student, string Path)> Students()
    {
        IReadOnlyList<(string Student, string Path)> all = SubmissionFolder.Students(SubmissionsDirectory);
        return Shard is null ? all : Shard.Select(all);
    }

    /// <summary>Where a student's failing traces are written.</summary>
    public string TraceDirectory(string student) => Path.Combine(OutputDirectory, "traces", student);
}
