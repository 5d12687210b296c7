using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lab.Cli.Grading;

namespace Lab.Cli.Reports;

/// <summary>
/// A student's results in Gradescope's autograder format (results.json): the total score, and one test per check
/// with its score, max_score, status and output (the interleaving and the replay command on failure).
/// </summary>
public static class GradescopeReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The results.json text of one student.</summary>
    public static string Render(StudentResult student)
    {
        var tests = new JsonArray();
        foreach (ExerciseResult exercise in student.Exercises)
        {
            foreach (CheckResult check in exercise.Checks)
            {
                tests.Add(new JsonObject
                {
                    ["name"] = $"{exercise.ExerciseId}: {check.Name}",
                    ["score"] = check.Points,
                    ["max_score"] = check.MaxPoints,
                    ["status"] = check.Passed ? "passed" : "failed",
                    ["output"] = check.Output,
                    ["visibility"] = "visible",
                });
            }
        }
        var root = new JsonObject
        {
            ["score"] = student.Score,
            ["execution_time"] = Math.Round(student.Exercises.Sum(e => e.Seconds), 3),
            ["output"] = $"{student.Student}: {student.Score:0.#} of {student.MaxScore:0.#} points. " +
                         string.Join("; ", student.Exercises.Select(e => $"{e.ExerciseId}: {e.Verdict}")),
            ["tests"] = tests,
        };
        return root.ToJsonString(Indented) + "\n";
    }
}
