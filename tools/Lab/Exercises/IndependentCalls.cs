namespace Lab.Cli.Exercises;

/// <summary>
/// Two calls that must never wait for each other (deposits into different accounts): paused anywhere inside one, the
/// other still runs to its end. A big lock fails wherever the paused call holds it, whatever spins, yields or dummy
/// steps come before it, since a spinning call never finishes and a blocked one never runs.
/// </summary>
/// <param name="Description">What must not wait, in words for the report.</param>
/// <param name="First">The first call, run on <see cref="ConcurrencyDemand.FirstThread"/> against the implementation.</param>
/// <param name="Second">The second call, run on <see cref="ConcurrencyDemand.SecondThread"/>.</param>
public sealed record IndependentCalls(string Description, Action<object> First, Action<object> Second) : ConcurrencyDemand(Description);
