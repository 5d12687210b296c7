namespace Lab.Cli.Exercises;

/// <summary>
/// Concurrency an exercise's fix must keep, so that "one big lock around everything" does not pass. The probe runs
/// the demanded calls on two threads named <see cref="FirstThread"/> and <see cref="SecondThread"/>.
/// </summary>
/// <param name="Description">What must be able to run at once, e.g. "deposits into different accounts never wait for each other".</param>
public abstract record ConcurrencyDemand(string Description)
{
    /// <summary>The name of the probe's first thread.</summary>
    public const string FirstThread = "first";

    /// <summary>The name of the probe's second thread.</summary>
    public const string SecondThread = "second";
}
