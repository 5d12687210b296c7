namespace Lab.Cli.Tests.Support;

/// <summary>What one run of the lab command line returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The last non-empty line of the output.</summary>
    public string LastLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Last();

    /// <summary>The value after "<paramref name="label"/>: " on the first output line that starts with it.</summary>
    public string ValueAfter(string label) =>
        Output.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.StartsWith(label + ": ", StringComparison.Ordinal))[(label.Length + 2)..];
}
