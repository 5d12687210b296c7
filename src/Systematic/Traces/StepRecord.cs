namespace Lab.Systematic.Traces;

/// <summary>
/// One visible step of an iteration: who did what to which resource, from which source line. Recorded on the hot
/// path, so it holds only literals and references; the text is composed when a trace is rendered.
/// </summary>
public readonly record struct StepRecord(int Operation, string Action, string? Resource, string? File, int Line, long? Value = null)
{
    /// <summary>The step as a person reads it, e.g. "Enter(fork0)" or "write count = 3".</summary>
    public string Describe()
    {
        string target = Resource is null ? Action
            : Action is "read" or "write" ? $"{Action} {Resource}"
            : Action.IndexOf(' ') is var space and > 0 ? $"{Action[..space]}({Resource}){Action[space..]}"
            : $"{Action}({Resource})";
        return Value is { } value ? $"{target} = {value}" : target;
    }

    /// <summary>The source location as "File.cs:12", or an empty string when unknown.</summary>
    public string Location => File is null ? "" : $"{System.IO.Path.GetFileName(File)}:{Line}";
}
