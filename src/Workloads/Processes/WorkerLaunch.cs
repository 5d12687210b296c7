namespace Lab.Workloads.Processes;

/// <summary>How to start one worker process: the program and its arguments, kept separate so nothing needs shell quoting.</summary>
/// <param name="FileName">The program to run: the dotnet host or the worker's own executable.</param>
/// <param name="Arguments">The arguments, for example the worker assembly when run through the dotnet host.</param>
public sealed record WorkerLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The same launch with extra arguments appended, to start the worker in another mode.</summary>
    public WorkerLaunch WithExtraArguments(params string[] extra) => this with { Arguments = [.. Arguments, .. extra] };

    /// <summary>The command line as a person would type it, for messages.</summary>
    public override string ToString() => string.Join(' ', new[] { FileName }.Concat(Arguments));
}
