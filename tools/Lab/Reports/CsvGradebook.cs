using System.Globalization;
using System.Text;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;

namespace Lab.Cli.Reports;

/// <summary>The gradebook as CSV (RFC 4180): one row per student, a score column per exercise, the total, the maximum and the verdicts.</summary>
public static class CsvGradebook
{
    /// <summary>The gradebook.csv text.</summary>
    public static string Render(IReadOnlyList<StudentResult> students, IReadOnlyList<Exercise> exercises)
    {
        var text = new StringBuilder();
        Row(text, ["student", .. exercises.Select(e => e.Id), "total", "max", "verdicts"]);
        foreach (StudentResult student in students)
        {
            Row(text,
            [
                student.Student,
                .. student.Exercises.Select(e => Number(e.Score)),
                Number(student.Score),
                Number(student.MaxScore),
                string.Join("; ", student.Exercises.Select(e => $"{e.ExerciseId}={e.Verdict}")),
            ]);
        }
        return text.ToString();
    }

    /// <summary>
    /// A field quoted when it holds a comma, a quote or a line break, with quotes doubled; a text a spreadsheet would
    /// run as a formula (starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder text, IEnumerable<string> fields) => text.Append(string.Join(",", fields.Select(Field))).Append("\r\n");

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
