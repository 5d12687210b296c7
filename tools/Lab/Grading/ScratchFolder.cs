using System.Diagnostics;

namespace Lab.Cli.Grading;

/// <summary>
/// Temporary folders of a grading run, named after the process that owns them ("lab-grade-&lt;pid&gt;-&lt;id&gt;"), so
/// that a later run removes those a crashed or killed run left behind (their owner is gone) and never a live run's.
/// </summary>
public static class ScratchFolder
{
    /// <summary>The name every grading scratch folder starts with.</summary>
    public const string Prefix = "lab-grade-";

    /// <summary>A new folder path for this process (not yet created).</summary>
    public static string Create() => Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Removes the scratch folders whose owning process no longer runs; returns how many.</summary>
    public static int SweepAbandoned()
    {
        int removed = 0;
        foreach (string folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            string[] parts = Path.GetFileName(folder)[Prefix.Length..].Split('-', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], out int owner) || IsAlive(owner)) continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another run is sweeping it at the same moment, or it is not ours to remove: leave it.
            }
        }
        return removed;
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
