namespace Lab.Cli.Exercises;

/// <summary>
/// Concurrency an exercise's fix must keep, so that "one big lock around everything" does not pass: two calls that
/// must be able to run at the same time. <see cref="Start"/> runs them on threads named <see cref="FirstThread"/>
/// and <see cref="SecondThread"/> and waits for both.
/// </summary>
/// <param name="Description">What must be able to overlap, e.g. "deposits into different accounts".</param>
/// <param name="Start">Runs the two calls on two controlled threads against the implementation and joins them.</param>
public sealed record ConcurrencyDemand(string Description, Action<object> Start)
{
    /// <summary>The name of the probe's first thread.</summary>
    public const string FirstThread = "first";

    /// <summary>The name of the probe's second thread.</summary>
    public const string SecondThread = "second";
}
