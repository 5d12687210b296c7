using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Scenarios;

/// <summary>The hazard families the catalogue is grouped by; each scenario id starts with its family's kebab-case name.</summary>
public enum HazardFamily
{
    /// <summary>Atomicity violations: a read-modify-write or check-then-act split by another thread ("races/...").</summary>
    Races,

    /// <summary>Two steps that must happen in one order can happen in the other ("order-violations/...").</summary>
    OrderViolations,

    /// <summary>Misused conditions, events, semaphores and latches ("signalling/...").</summary>
    Signalling,

    /// <summary>Threads blocked on each other forever ("deadlocks/...").</summary>
    Deadlocks,

    /// <summary>Threads busy forever without progress ("livelocks/...").</summary>
    Livelocks,

    /// <summary>One thread overtaken without bound while others progress ("starvation/...").</summary>
    Starvation,

    /// <summary>Weak-memory reorderings that sequentially consistent exploration cannot show ("memory-model/...").</summary>
    MemoryModel,

    /// <summary>Async/await misuse: blocking on awaits, lost async exceptions, missing awaits, async locks ("async/...").</summary>
    Async,
}

/// <summary>Which implementation of a scenario's contract to use.</summary>
public enum Variant
{
    /// <summary>The implementation with the classic bug.</summary>
    Buggy,

    /// <summary>The repaired implementation.</summary>
    Fixed,
}

/// <summary>
/// One teaching scenario: a contract, a buggy and a fixed implementation of it, and a harness (threads plus oracle)
/// that explores any implementation of the contract.
/// </summary>
public interface IScenario
{
    /// <summary>The stable id, "family/name", e.g. "races/lost-update".</summary>
    string Id { get; }

    /// <summary>A short human title.</summary>
    string Title { get; }

    /// <summary>The hazard family.</summary>
    HazardFamily Family { get; }

    /// <summary>Two lines: what goes wrong in the buggy implementation.</summary>
    string BugExplanation { get; }

    /// <summary>Two lines: what the fixed implementation does instead.</summary>
    string FixExplanation { get; }

    /// <summary>The bug kind the engine reports for the buggy implementation.</summary>
    BugKind ExpectedBug { get; }

    /// <summary>False only for scenarios that systematic exploration cannot show (the store-buffering litmus test).</summary>
    bool IsSystematic { get; }

    /// <summary>The stated budget for the default (portfolio) exploration: iterations, max steps, liveness bound.</summary>
    ExplorationOptions Budget { get; }

    /// <summary>Null: DFS exhausts the fixed variant's whole space; otherwise the preemption bound DFS exhausts.</summary>
    int? FixedDfsPreemptionBound { get; }

    /// <summary>The interface the harness drives.</summary>
    Type Contract { get; }

    /// <summary>The class of the buggy or the fixed implementation.</summary>
    Type ImplementationOf(Variant variant);

    /// <summary>Creates a fresh implementation; call it inside each iteration (the harness does).</summary>
    Func<object> Factory(Variant variant);

    /// <summary>The explored body for any implementation of <see cref="Contract"/>; also runs for real outside an exploration.</summary>
    Action Harness(Func<object> factory);
}
