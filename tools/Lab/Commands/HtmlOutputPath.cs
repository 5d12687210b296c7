namespace Lab.Cli.Commands;

/// <summary>
/// Checks an <c>--html</c> path before any work starts, so a typo costs one line and exit code 1, not a stack trace
/// after a long exploration: the folder (for the tour's report) or the file's folder (for one timeline) is created if
/// needed and proved writable.
/// </summary>
public static class HtmlOutputPath
{
    /// <summary>A folder for several pages: created if needed; returns its full path or throws <see cref="UsageException"/>.</summary>
    public static string PrepareFolder(string path)
    {
        string full = FullPath(path);
        if (File.Exists(full)) throw new UsageException($"--html '{path}' is a file; give a folder for the tour report (index.html and one timeline per bug)");
        ProveWritable(path, full);
        return full;
    }

    /// <summary>A file for one page: its folder created if needed; returns its full path or throws <see cref="UsageException"/>.</summary>
    public static string PrepareFile(string path)
    {
        string full = FullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"--html '{path}' is a folder; give a file name such as timeline.html");
        ProveWritable(path, Path.GetDirectoryName(full)!);
        return full;
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--html '{path}' is not a usable path: {exception.Message}");
        }
    }

    private static void ProveWritable(string path, string folder)
    {
        for (string? ancestor = folder; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor)) throw new UsageException($"--html '{path}' cannot be written: '{ancestor}' is a file, not a folder");
        }
        string probe = Path.Combine(folder, $".lab-write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--html '{path}' cannot be written: {exception.Message.Split('\n')[0].Trim()}");
        }
    }
}
