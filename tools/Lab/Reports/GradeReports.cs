using Lab.Cli.Grading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Reports;

/// <summary>Writes every report of a grading run into the output folder, each file atomically.</summary>
public static class GradeReports
{
    /// <summary>The Gradescope results of a student, relative to the output folder.</summary>
    public static string GradescopePath(string student) => Path.Combine("gradescope", student, "results.json");

    /// <summary>The files and folders of a previous run, removed before grading so no stale result is mistaken for a new one.</summary>
    public static readonly IReadOnlyList<string> RunOutputs = ["gradescope", "traces", "corpus", "junit.xml", "gradebook.csv", "summary.md", ShardResult.FileName];

    /// <summary>Removes what a previous run wrote into <paramref name="outputDirectory"/> (and nothing else there).</summary>
    public static void RemoveStale(string outputDirectory)
    {
        foreach (string name in RunOutputs)
        {
            string path = Path.Combine(outputDirectory, name);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
    }

    /// <summary>Writes results.json per student, junit.xml, gradebook.csv and summary.md; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(GradingPlan plan, IReadOnlyList<StudentResult> students)
    {
        var written = students.Select(s => AtomicFile.WriteAllText(Path.Combine(plan.OutputDirectory, GradescopePath(s.Student)), GradescopeReport.Render(s))).ToList();
        written.Add(AtomicFile.WriteAllText(Path.Combine(plan.OutputDirectory, "junit.xml"), JUnitReport.Render(students)));
        written.Add(AtomicFile.WriteAllText(Path.Combine(plan.OutputDirectory, "gradebook.csv"), CsvGradebook.Render(students, plan.Exercises)));
        written.Add(AtomicFile.WriteAllText(Path.Combine(plan.OutputDirectory, "summary.md"), MarkdownSummary.Render(students, plan.Exercises, plan.Settings)));
        return written;
    }
}
