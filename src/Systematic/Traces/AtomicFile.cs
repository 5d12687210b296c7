using System.Text;

namespace Lab.Systematic.Traces;

/// <summary>Writes a file through a temporary file and a rename, so a reader (or a crash) never sees half a trace or report.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> as UTF-8 without a byte-order mark; returns the full path.</summary>
    public static string WriteAllText(string path, string content)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, full, overwrite: true);
        return full;
    }
}
