using System.Globalization;
using System.Xml.Linq;
using Lab.Cli.Grading;

namespace Lab.Cli.Reports;

/// <summary>All results as JUnit XML: a test suite per student, a test case per exercise check, a failure element with the output.</summary>
public static class JUnitReport
{
    /// <summary>The junit.xml text.</summary>
    public static string Render(IReadOnlyList<StudentResult> students)
    {
        var suites = students.Select(student => new XElement("testsuite",
            new XAttribute("name", student.Student),
            new XAttribute("tests", student.Exercises.Sum(e => e.Checks.Count)),
            new XAttribute("failures", student.Exercises.Sum(e => e.Checks.Count(c => !c.Passed))),
            new XAttribute("time", Seconds(student.Exercises.Sum(e => e.Seconds))),
            student.Exercises.SelectMany(exercise => exercise.Checks.Select(check => TestCase(student, exercise, check)))));
        var root = new XElement("testsuites",
            new XAttribute("name", "lab grade"),
            new XAttribute("tests", students.Sum(s => s.Exercises.Sum(e => e.Checks.Count))),
            new XAttribute("failures", students.Sum(s => s.Exercises.Sum(e => e.Checks.Count(c => !c.Passed)))),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static XElement TestCase(StudentResult student, ExerciseResult exercise, CheckResult check)
    {
        var testCase = new XElement("testcase",
            new XAttribute("classname", $"{student.Student}.{exercise.ExerciseId}"),
            new XAttribute("name", check.Name),
            new XAttribute("time", Seconds(exercise.Seconds / Math.Max(1, exercise.Checks.Count))));
        if (!check.Passed)
        {
            string firstLine = check.Output.Split('\n')[0].Trim();
            testCase.Add(new XElement("failure", new XAttribute("message", $"{exercise.Verdict}: {firstLine}"), new XAttribute("type", exercise.Verdict.ToString()), check.Output));
        }
        return testCase;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
