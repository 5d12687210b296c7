using System.Diagnostics;

namespace Lab.Systematic.Runtime;

/// <summary>Turns caller-info and stack frames into the "File.cs:12" form used everywhere in reports.</summary>
internal static class SourceLocation
{
    public static string Format(string? file, int line) => file is null or "" ? "?" : $"{Path.GetFileName(file)}:{line}";

    /// <summary>
    /// The innermost frame of the exception that has a source file, if the PDB is there, preferring code outside the
    /// engine: an exception a stand-in lets through (ObjectDisposedException from Cancel) is named at the caller's line.
    /// </summary>
    public static string? Of(Exception exception)
    {
        string? inEngine = null;
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() is not { } file) continue;
            if (frame.GetMethod()?.DeclaringType?.Assembly == typeof(SourceLocation).Assembly)
            {
                inEngine ??= Format(file, frame.GetFileLineNumber());
                continue;
            }
            return Format(file, frame.GetFileLineNumber());
        }
        return inEngine;
    }
}
