using Lab.Cli.Commands;
using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>A folder of submissions: one sub-folder per student, each holding that student's versions of the exercise files.</summary>
public static class SubmissionFolder
{
    /// <summary>The student folders of <paramref name="directory"/> by name, in ordinal order; a missing or empty folder is a <see cref="UsageException"/>.</summary>
    public static IReadOnlyList<(string Student, string Path)> Students(string directory)
    {
        if (!Directory.Exists(directory)) throw new UsageException($"the submissions folder '{directory}' does not exist");
        var students = Directory.GetDirectories(directory)
            .Select(path => (Student: System.IO.Path.GetFileName(path), Path: path))
            .Where(s => !s.Student.StartsWith('.'))
            .OrderBy(s => s.Student, StringComparer.Ordinal)
            .ToList();
        return students.Count > 0
            ? students
            : throw new UsageException($"the submissions folder '{directory}' has no student folders; expected one sub-folder per student");
    }

    private static readonly EnumerationOptions RealSubfolders = new()
    {
        RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true,
    };

    private static readonly EnumerationOptions AnyCase = new() { MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0, IgnoreInaccessible = true };

    /// <summary>
    /// The student's file for <paramref name="exercise"/>, matched by name whatever its case, at any depth (the
    /// shallowest first), or null. Linked folders are not entered; a linked file is found, and
    /// <see cref="LeavesFolder"/> tells whether it points outside the student's folder.
    /// </summary>
    public static string? FileFor(string studentDirectory, Exercise exercise) =>
        new[] { studentDirectory }.Concat(Directory.EnumerateDirectories(studentDirectory, "*", RealSubfolders))
            .SelectMany(directory => Directory.EnumerateFiles(directory, exercise.FileName, AnyCase))
            .OrderBy(path => path.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>True when <paramref name="file"/> is, or resolves through links to, a file outside <paramref name="studentDirectory"/>.</summary>
    public static bool LeavesFolder(string studentDirectory, string file)
    {
        string root = Path.GetFullPath(ResolvedPath(studentDirectory)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string target = ResolvedPath(file);
        return !target.StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>The path with every link along it resolved (the final target).</summary>
    private static string ResolvedPath(string path)
    {
        string full = Path.GetFullPath(path);
        string? parent = Path.GetDirectoryName(full);
        string resolvedParent = parent is null || parent == full ? full : ResolvedPath(parent);
        string joined = parent is null || parent == full ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(joined) ? new DirectoryInfo(joined) : new FileInfo(joined);
        return info.LinkTarget is null ? joined : Path.GetFullPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? joined);
    }
}
