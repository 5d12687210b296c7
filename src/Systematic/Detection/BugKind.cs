namespace Lab.Systematic.Detection;

/// <summary>The kinds of failure an exploration reports; each is told apart in reports and NUnit constraints.</summary>
public enum BugKind
{
    /// <summary>A <c>Specification.Assert</c> failed.</summary>
    AssertionFailure,

    /// <summary>A controlled operation threw an exception that nothing caught.</summary>
    UnhandledException,

    /// <summary>No operation was enabled while some were blocked.</summary>
    Deadlock,

    /// <summary>No progress on a fair schedule: a livelock monitor stayed hot too long, or the program never terminated.</summary>
    Livelock,

    /// <summary>A thread waited without bound on a fair schedule: a starvation monitor stayed hot, or a waiter was bypassed too often.</summary>
    Starvation,

    /// <summary>Two accesses to a <c>Shared&lt;T&gt;</c>, one a write, not ordered by happens-before.</summary>
    DataRace,

    /// <summary>Explored code used a controlled primitive from a thread the engine does not control, or from outside its exploration.</summary>
    UncontrolledConcurrency,

    /// <summary>The same choices led to different program states: something in the explored code is not controlled.</summary>
    Nondeterminism,

    /// <summary>An operation ran for too long without reaching a scheduling point (a loop on plain fields, a real blocking call).</summary>
    Hang,

    /// <summary>A replayed program no longer follows its trace.</summary>
    ReplayDivergence,
}
