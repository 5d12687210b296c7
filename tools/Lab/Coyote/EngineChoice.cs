namespace Lab.Cli.Coyote;

/// <summary>Which systematic engine a command runs: the lab's own, Microsoft Coyote, or both side by side.</summary>
public enum EngineChoice
{
    /// <summary>The lab's engine (the default).</summary>
    Lab,

    /// <summary>Microsoft Coyote 1.7.11, on the Coyote-rewritten copy of the scenarios.</summary>
    Coyote,

    /// <summary>Both, a column each (tour only).</summary>
    Both,
}
