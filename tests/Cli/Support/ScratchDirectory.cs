namespace Lab.Cli.Tests.Support;

/// <summary>A fresh temporary folder for one test, deleted when disposed.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public ScratchDirectory() => Directory.CreateDirectory(Path);

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lab-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
