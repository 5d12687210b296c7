namespace Lab.Systematic.Strategies.Dpor;

/// <summary>
/// A strategy that must learn what each scheduled step did, not only who ran it: partial-order reduction needs the
/// resources a step touched to tell which reorderings matter. The runtime calls it on the operation holding the baton.
/// </summary>
internal interface IStepObserver
{
    /// <summary>An operation was created (its name identifies it in Start and Join steps).</summary>
    void OnCreated(int operation, string name);

    /// <summary>The running operation recorded a visible step (with the value the trace shows, e.g. how many waiters a Pulse woke).</summary>
    void OnStep(int operation, string action, string? resource, long? value);

    /// <summary>The running operation blocked on <paramref name="resource"/>; a timed wait stays enabled so it can time out.</summary>
    void OnBlocked(int operation, string resource, bool timed);

    /// <summary>The running operation finished.</summary>
    void OnCompleted(int operation);

    /// <summary>The step bound cut the run off: what follows is teardown (operations unwinding), not steps.</summary>
    void OnStepBoundReached();
}
