namespace Lab.Systematic.Rewriting;

/// <summary>What one rewrite did: per pass, how many sites it rewrote, and the concurrency members left uncontrolled.</summary>
public sealed record RewriteReport(
    string AssemblyName,
    bool AlreadyRewritten,
    IReadOnlyList<PassCount> Passes,
    IReadOnlyList<string> Uncontrolled)
{
    /// <summary>Total sites rewritten by every pass.</summary>
    public int Total => Passes.Sum(p => p.Sites);

    /// <summary>The count of the pass named <paramref name="pass"/>, 0 when it did not run.</summary>
    public int CountOf(string pass) => Passes.FirstOrDefault(p => p.Pass == pass)?.Sites ?? 0;

    /// <summary>One line for a build log: <c>Fixtures: rewritten (member interception 3, field accesses 12, ...)</c>.</summary>
    public string Summary => AlreadyRewritten
        ? $"{AssemblyName}: already rewritten"
        : $"{AssemblyName}: rewritten ({string.Join(", ", Passes.Select(p => $"{p.Pass} {p.Sites}"))})"
          + (Uncontrolled.Count > 0 ? $"; {Uncontrolled.Count} uncontrolled concurrency call(s)" : "");
}

/// <summary>How many sites one pass rewrote.</summary>
public sealed record PassCount(string Pass, int Sites);
