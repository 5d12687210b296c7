namespace Lab.Cli.Commands;

/// <summary>Checks, before any work starts, that the places a command will write to can be written, so a long run is never lost at its end.</summary>
public static class OutputPath
{
    /// <summary>Creates <paramref name="directory"/> if needed and proves it writable; otherwise a <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static string WritableDirectory(string directory, string option)
    {
        string full = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".lab-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return full;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option} '{directory}' cannot be written: {exception.Message.Split('\n')[0].Trim()}");
        }
    }

    /// <summary>Proves the folder of the file <paramref name="path"/> writable (the file itself is written later, atomically); otherwise a <see cref="UsageException"/>.</summary>
    public static string WritableFile(string path, string option)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option} '{path}' is a folder; give a file name");
        WritableDirectory(Path.GetDirectoryName(full)!, option);
        return full;
    }
}
