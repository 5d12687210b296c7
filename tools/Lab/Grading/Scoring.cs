using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>
/// How an exercise's 10 points split: most for being bug-free under exploration, some for the regression corpus,
/// and, where the exercise demands concurrency, some for keeping it (earned only by a bug-free fix).
/// </summary>
public static class Scoring
{
    /// <summary>The points of every exercise.</summary>
    public const double ExercisePoints = 10;

    /// <summary>The points for surviving the regression corpus.</summary>
    public const double RegressionPoints = 2;

    /// <summary>The points for keeping the demanded concurrency.</summary>
    public const double ConcurrencyPoints = 2;

    /// <summary>The points for a clean exploration: the rest of the exercise's points.</summary>
    public static double ExplorationPoints(Exercise exercise) =>
        ExercisePoints - RegressionPoints - (exercise.Demand is null ? 0 : ConcurrencyPoints);

    /// <summary>The checks an exercise is scored on, with their points, in report order.</summary>
    public static IReadOnlyList<(string Name, double MaxPoints)> ChecksOf(Exercise exercise) => exercise.Demand is null
        ? [(CheckNames.Exploration, ExplorationPoints(exercise)), (CheckNames.Regression, RegressionPoints)]
        : [(CheckNames.Exploration, ExplorationPoints(exercise)), (CheckNames.Regression, RegressionPoints), (CheckNames.Concurrency, ConcurrencyPoints)];
}
