namespace Lab.Systematic.Traces;

/// <summary>A trace file that is missing, corrupt, truncated or for something else; the message says which and how to recover.</summary>
public sealed class TraceFormatException(string path, string problem, Exception? inner = null)
    : Exception($"cannot use trace '{path}': {problem}", inner)
{
    /// <summary>The trace file's path.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with the file, without the path.</summary>
    public string Problem { get; } = problem;
}
