namespace Lab.Cli.Exercises;

/// <summary>
/// A section two threads must be able to be inside at the same time (two readers holding the read lock): each thread
/// runs <see cref="Section"/>, which calls its callback once inside, and the callback waits there until the other
/// thread is inside too. Behind one exclusive lock, however fair and however it spins, the second never gets in.
/// </summary>
/// <param name="Description">What must be able to overlap, in words for the report.</param>
/// <param name="Section">Enters the section on the implementation, calls the callback while inside, and leaves.</param>
public sealed record SharedSection(string Description, Action<object, Action> Section) : ConcurrencyDemand(Description);
