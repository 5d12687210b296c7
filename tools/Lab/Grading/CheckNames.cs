namespace Lab.Cli.Grading;

/// <summary>The names of the checks, shared by the evaluator, the reports and the exercise tests.</summary>
public static class CheckNames
{
    /// <summary>Systematic exploration (portfolio, then bounded DFS) finds no bug.</summary>
    public const string Exploration = "explores without a bug";

    /// <summary>The schedules that broke the starter, followed as far as they apply, find no bug.</summary>
    public const string Regression = "survives the schedules that broke the starter";

    /// <summary>The concurrency the exercise demands is still possible.</summary>
    public const string Concurrency = "keeps the demanded concurrency";
}
