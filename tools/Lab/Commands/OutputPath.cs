namespace Lab.Cli.Commands;

/// <summary>
/// Checks, before any work starts, that the places a command will write to can be written, so a typo costs one line
/// and exit code 1, and a long run is never lost at its end: folders are created if needed and proved writable.
/// </summary>
public static class OutputPath
{
    /// <summary>Creates <paramref name="directory"/> if needed and proves it writable; otherwise a <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static string WritableDirectory(string directory, string option)
    {
        string full = FullPath(directory, option);
        if (File.Exists(full)) throw new UsageException($"{option} '{directory}' is a file; give a folder");
        ProveWritable(directory, full, option);
        return full;
    }

    /// <summary>Proves the folder of the file <paramref name="path"/> writable (the file itself is written later, atomically); otherwise a <see cref="UsageException"/>.</summary>
    public static string WritableFile(string path, string option)
    {
        string full = FullPath(path, option);
        if (Directory.Exists(full)) throw new UsageException($"{option} '{path}' is a folder; give a file name");
        ProveWritable(path, Path.GetDirectoryName(full)!, option);
        return full;
    }

    private static string FullPath(string path, string option)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} '{path}' is not a usable path: {exception.Message}");
        }
    }

    private static void ProveWritable(string path, string folder, string option)
    {
        for (string? ancestor = folder; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor)) throw new UsageException($"{option} '{path}' cannot be written: '{ancestor}' is a file, not a folder");
        }
        string probe = Path.Combine(folder, $".lab-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option} '{path}' cannot be written: {exception.Message.Split('\n')[0].Trim()}");
        }
    }
}
