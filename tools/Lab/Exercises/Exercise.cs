using Lab.Scenarios;

namespace Lab.Cli.Exercises;

/// <summary>One student exercise: fix the buggy implementation of a scenario's contract in <see cref="FileName"/>.</summary>
/// <param name="Id">The exercise id, the scenario's name without its family, e.g. "lost-update".</param>
/// <param name="ScenarioId">The scenario whose contract and harness the exercise uses.</param>
/// <param name="FileName">The starter file in exercises/, and the file each student submits.</param>
/// <param name="Demand">Concurrency the fix must keep, or null when serialising is an acceptable fix.</param>
public sealed record Exercise(string Id, string ScenarioId, string FileName, ConcurrencyDemand? Demand)
{
    /// <summary>The scenario, from the catalogue.</summary>
    public IScenario Scenario => ScenarioCatalog.Find(ScenarioId);

    /// <inheritdoc />
    public override string ToString() => Id;
}
