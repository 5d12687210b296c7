namespace Lab.Systematic.Traces;

/// <summary>
/// Reads, when the page is made, the source lines the steps point at (with two lines either side), so the page can
/// show them offline. A step whose file is not on this machine (a trace read back from elsewhere) simply has none.
/// </summary>
internal static class SourceExcerpts
{
    /// <summary>Lines either side of a step's line that the excerpt keeps.</summary>
    public const int Context = 2;

    /// <summary>One excerpt per distinct location whose file exists now, keyed by <see cref="StepRecord.Location"/>.</summary>
    public static IReadOnlyDictionary<string, SourceExcerpt> Read(IReadOnlyList<StepRecord> steps)
    {
        var files = new Dictionary<string, string[]?>();
        var excerpts = new SortedDictionary<string, SourceExcerpt>(StringComparer.Ordinal);
        foreach (StepRecord step in steps)
        {
            if (step.File is not { Length: > 0 } file || step.Line <= 0 || excerpts.ContainsKey(step.Location)) continue;
            if (!files.TryGetValue(file, out string[]? lines)) files[file] = lines = Load(file);
            if (lines is null || step.Line > lines.Length) continue;
            int from = Math.Max(1, step.Line - Context), to = Math.Min(lines.Length, step.Line + Context);
            var excerpt = Enumerable.Range(from, to - from + 1).Select(n => new SourceLine(n, lines[n - 1].TrimEnd())).ToList();
            excerpts[step.Location] = new SourceExcerpt(Path.GetFileName(file), step.Line, excerpt);
        }
        return excerpts;
    }

    private static string[]? Load(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
