using Lab.Systematic.Testing;

namespace Lab.Cli.Terminal;

/// <summary>Turns the engine's progress reports into <see cref="ProgressUpdate"/>s for <see cref="ProgressDisplay"/>.</summary>
public static class ExplorationProgressAdapter
{
    /// <summary>A progress sink that forwards each engine snapshot to <paramref name="update"/>.</summary>
    public static IProgress<ExplorationProgress> For(Action<ProgressUpdate> update) =>
        new SynchronousProgress<ExplorationProgress>(p =>
            update(new ProgressUpdate(p.Iteration, p.Budget, $"{p.Iteration} iterations, {p.DistinctSchedules} distinct schedules")));
}
