using Lab.Scenarios;

namespace Lab.Cli.Exercises;

/// <summary>One student exercise: fix the buggy implementation of a scenario's contract in <see cref="FileName"/>.</summary>
/// <param name="Id">The exercise id, the scenario's name without its family, e.g. "lost-update".</param>
/// <param name="ScenarioId">The scenario whose contract and harness the exercise uses.</param>
/// <param name="FileName">The starter file in exercises/, and the file each student submits.</param>
/// <param name="Demand">Concurrency the fix must keep, or null when serialising is an acceptable fix.</param>
/// <param name="Oracles">Harnesses explored after the scenario's own, each checking what a trivial non-solution gets wrong.</param>
/// <param name="OwnScenario">The scenario when the exercise brings its own (not in Lab.Scenarios' catalogue), else null.</param>
public sealed record Exercise(string Id, string ScenarioId, string FileName, ConcurrencyDemand? Demand, IReadOnlyList<ExerciseOracle> Oracles,
    IScenario? OwnScenario = null)
{
    /// <summary>The scenario: the exercise's own, or the catalogue's.</summary>
    public IScenario Scenario => OwnScenario ?? ScenarioCatalog.Find(ScenarioId);

    /// <summary>The oracle named <paramref name="name"/>, or null.</summary>
    public ExerciseOracle? FindOracle(string name) => Oracles.FirstOrDefault(o => o.Name == name);

    /// <inheritdoc />
    public override string ToString() => Id;
}
