using Lab.Cli.Commands;

namespace Lab.Cli.Tour;

/// <summary>
/// The folder <c>lab tour --html</c> writes to, checked before any scenario runs: it must be a folder (or creatable
/// as one) that this process can write to. A bad path is a usage error with one line, not a crash after the work.
/// </summary>
public static class TourReportFolder
{
    /// <summary>Creates the folder if needed and proves it writable; returns its full path or throws <see cref="UsageException"/>.</summary>
    public static string Prepare(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--html '{path}' is not a usable path: {exception.Message}");
        }
        if (File.Exists(full)) throw new UsageException($"--html '{path}' is a file; give a folder for the tour report (index.html and one timeline per bug)");
        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) throw new UsageException($"--html '{path}' cannot be a folder: '{parent}' is a file");
        }
        string probe = Path.Combine(full, $".lab-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--html '{path}' cannot be written: {FirstLine(exception.Message)}");
        }
        return full;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
