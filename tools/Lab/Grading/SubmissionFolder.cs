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

    /// <summary>The student's file for <paramref name="exercise"/> (matched by name at any depth, the shallowest first), or null.</summary>
    public static string? FileFor(string studentDirectory, Exercise exercise) =>
        Directory.EnumerateFiles(studentDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path).Equals(exercise.FileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
}
