using Lab.Cli.Exercises;

namespace Lab.Cli.Tests.Support;

/// <summary>Where the tests find the sample submissions (copied next to the tests) and the repository's exercises.</summary>
public static class TestFiles
{
    /// <summary>The sample submissions: one folder per made-up student.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "Samples");

    /// <summary>The hostile class: one folder per attack on the grader, plus one honest student.</summary>
    public static string Hostile => Path.Combine(AppContext.BaseDirectory, "Hostile");

    /// <summary>The repository's exercises/ folder with the starter files.</summary>
    public static string Exercises => ExerciseWorkspace.Locate("exercises");

    /// <summary>A sample student's file.</summary>
    public static string Sample(string student, string file) => Path.Combine(Samples, student, file);
}
