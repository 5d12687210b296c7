using System.Runtime.CompilerServices;

namespace Lab.Rewriting.Tests.Support;

/// <summary>Finds lines in the fixture sources by their <c>// @line:name</c> markers, so tests do not hard-code line numbers.</summary>
public static class FixtureSource
{
    /// <summary>The 1-based line of <c>// @line:<paramref name="marker"/></c> in fixture file <paramref name="file"/>.</summary>
    public static int LineOf(string file, string marker)
    {
        string[] lines = File.ReadAllLines(PathOf(file));
        int index = Array.FindIndex(lines, l => l.Contains($"// @line:{marker}", StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"No marker @line:{marker} in {file}.");
        return index + 1;
    }

    /// <summary>The full path of fixture source <paramref name="file"/>.</summary>
    public static string PathOf(string file) => Path.Combine(FixturesFolder(), file);

    private static string FixturesFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "Rewriting.Fixtures"));
}
