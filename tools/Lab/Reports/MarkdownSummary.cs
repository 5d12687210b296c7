using System.Text;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;

namespace Lab.Cli.Reports;

/// <summary>A Markdown summary for the teacher: the settings, a table of verdicts and scores, and per student the first line of each failed check.</summary>
public static class MarkdownSummary
{
    /// <summary>The summary.md text.</summary>
    public static string Render(IReadOnlyList<StudentResult> students, IReadOnlyList<Exercise> exercises, GradingSettings settings)
    {
        var text = new StringBuilder()
            .AppendLine("# Grading summary")
            .AppendLine()
            .AppendLine($"{students.Count} students, {exercises.Count} exercises; seed {settings.Seed}, budget {settings.Budget} portfolio iterations, " +
                        $"time limit {settings.Timeout.TotalSeconds:0.#} s per submission.")
            .AppendLine()
            .AppendLine("| Student | " + string.Join(" | ", exercises.Select(e => e.Id)) + " | Total |")
            .AppendLine("|---|" + string.Concat(exercises.Select(_ => "---|")) + "---|");
        foreach (StudentResult student in students)
        {
            text.AppendLine($"| {Cell(student.Student)} | " + string.Join(" | ", student.Exercises.Select(e => $"{e.Score:0.#} {e.Verdict}")) +
                            $" | {student.Score:0.#} / {student.MaxScore:0.#} |");
        }
        foreach (StudentResult student in students)
        {
            text.AppendLine().AppendLine($"## {Cell(student.Student)}").AppendLine();
            foreach (ExerciseResult exercise in student.Exercises)
            {
                var failed = exercise.Checks.Where(c => !c.Passed).ToList();
                string line = $"- **{exercise.ExerciseId}**: {exercise.Verdict}, {exercise.Score:0.#} / {exercise.MaxScore:0.#}";
                if (failed.Count > 1 && failed.All(c => c.Output == failed[0].Output))
                {
                    text.AppendLine($"{line}: {Headline(failed[0].Output)}");
                    continue;
                }
                text.AppendLine(line);
                foreach (CheckResult check in failed) text.AppendLine($"  - {check.Name}: {Headline(check.Output)}");
            }
        }
        return text.ToString();
    }

    /// <summary>The first line of a check's output, with the line after it when the first only introduces it ("does not compile:").</summary>
    public static string Headline(string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return "";
        return Cell(lines[0].EndsWith(':') && lines.Length > 1 ? $"{lines[0]} {lines[1]}" : lines[0]);
    }

    /// <summary>Text that stays one table cell or heading: line breaks become spaces, and Markdown and HTML syntax is escaped.</summary>
    public static string Cell(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\n' or '\r' or '\t') escaped.Append(' ');
            else if (c == '<') escaped.Append("&lt;");
            else if (c == '>') escaped.Append("&gt;");
            else if (c == '&') escaped.Append("&amp;");
            else if ("\\`*_[]#|~".Contains(c)) escaped.Append('\\').Append(c);
            else if (!char.IsControl(c)) escaped.Append(c);
        }
        return escaped.ToString();
    }
}
