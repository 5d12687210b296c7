namespace Lab.Workloads.Io;

/// <summary>A uniquely named directory under the system temporary folder that is deleted with its contents on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    private TemporaryDirectory(string path) => Path = path;

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Creates a fresh directory whose name starts with <paramref name="prefix"/>.</summary>
    public static TemporaryDirectory Create(string prefix) => new(Directory.CreateTempSubdirectory(prefix + "-").FullName);

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
