namespace Lab.Systematic.Coyote.Monitors;

/// <summary>
/// The name the explored code gave the current thread, for Coyote reports. Coyote 1.7.11 names its controlled threads
/// with GUIDs (and loses control of a thread renamed by the code), so code run under Coyote records its name here instead.
/// </summary>
public static class CoyoteThreadName
{
    [ThreadStatic]
    private static string? _current;

    /// <summary>The current thread's name as its code gave it, or null.</summary>
    public static string? Current
    {
        get => _current;
        set => _current = value;
    }
}
