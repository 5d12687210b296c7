namespace Lab.Cli.Grading;

/// <summary>Everything one student got: a result per exercise, in catalogue order.</summary>
/// <param name="Student">The student's folder name.</param>
/// <param name="Exercises">One result per exercise graded.</param>
public sealed record StudentResult(string Student, IReadOnlyList<ExerciseResult> Exercises)
{
    /// <summary>Points earned over all exercises.</summary>
    public double Score => Exercises.Sum(e => e.Score);

    /// <summary>Points available over all exercises.</summary>
    public double MaxScore => Exercises.Sum(e => e.MaxScore);
}
