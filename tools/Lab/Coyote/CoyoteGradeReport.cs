using System.Text;
using Lab.Cli.Grading;
using Lab.Cli.Reports;
using Lab.Systematic.Traces;
using Spectre.Console;

namespace Lab.Cli.Coyote;

/// <summary>
/// How <c>lab grade --engine coyote</c> shows Coyote's second opinion: a table with the lab's verdict and Coyote's side by
/// side, a line per opinion that needs words (Coyote's bug line, what it is documented to miss), coyote.md with the same,
/// and a last line that says where the engines agree.
/// </summary>
public static class CoyoteGradeReport
{
    /// <summary>The report file, in the output folder.</summary>
    public const string FileName = "coyote.md";

    /// <summary>The run's header line.</summary>
    public const string Header =
        "coyote: a second opinion from Microsoft Coyote 1.7.11 on each submission, in a worker of its own, with each scenario's stated Coyote configuration; the lab's engine scores";

    /// <summary>Removes the coyote.md of a previous run, so a run without Coyote leaves none behind.</summary>
    public static void RemoveStale(string outputDirectory)
    {
        string path = Path.Combine(outputDirectory, FileName);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Every (student, result) that has an opinion, in gradebook order.</summary>
    public static IReadOnlyList<(string Student, ExerciseResult Result, CoyoteOpinion Opinion)> Opinions(IReadOnlyList<StudentResult> students) =>
        students.SelectMany(s => s.Exercises.Where(e => e.Coyote is not null).Select(e => (s.Student, e, e.Coyote!))).ToList();

    /// <summary>The side-by-side table: a row per submission, the lab's verdict and Coyote's.</summary>
    public static Table Table(IReadOnlyList<StudentResult> students)
    {
        var table = new Table().AddColumns("Student", "Exercise", "Lab (scores)", "Coyote (second opinion)");
        foreach ((string student, ExerciseResult result, CoyoteOpinion opinion) in Opinions(students))
        {
            table.AddRow(new Text(student), new Text(result.ExerciseId), new Text($"{result.Score:0.#} {result.Verdict}"), new Text(opinion.Cell));
        }
        return table;
    }

    /// <summary>The lines under the table: per opinion its detail and, indented, what Coyote may miss there.</summary>
    public static IEnumerable<string> Notes(IReadOnlyList<StudentResult> students)
    {
        foreach ((string student, ExerciseResult result, CoyoteOpinion opinion) in Opinions(students))
        {
            yield return $"{student} / {result.ExerciseId}: coyote: {opinion.Cell}: {Words(opinion)}";
            foreach (string spot in opinion.BlindSpots) yield return $"    Coyote may miss or misread: {spot}";
            if (opinion.ReplayCommand is { } replay) yield return $"    replay: {replay}";
        }
    }

    /// <summary>The last line: Coyote's verdicts, and where both engines judged bugs, how often they agree.</summary>
    public static string FinalLine(IReadOnlyList<StudentResult> students)
    {
        var opinions = Opinions(students);
        var counts = opinions.GroupBy(o => o.Opinion.Verdict).OrderBy(g => g.Key ?? (Verdict)int.MaxValue)
            .Select(g => $"{g.Count()} {g.Key?.ToString() ?? "not explorable"}");
        var judged = opinions.Where(o => o.Result.Verdict is Verdict.Correct or Verdict.Buggy or Verdict.OverSerialised
                                         && o.Opinion.Verdict is Verdict.Correct or Verdict.Buggy).ToList();
        int agree = judged.Count(o => (o.Result.Verdict == Verdict.Buggy) == (o.Opinion.Verdict == Verdict.Buggy));
        string agreement = judged.Count == 0 ? "no submission was judged by both engines" : $"on bugs it agrees with the lab in {agree} of the {judged.Count} both engines judged";
        return $"coyote: {opinions.Count} submissions: {string.Join(", ", counts)}; {agreement}";
    }

    /// <summary>Writes coyote.md into the output folder; returns its path.</summary>
    public static string Write(string outputDirectory, IReadOnlyList<StudentResult> students)
    {
        var text = new StringBuilder()
            .AppendLine("# Coyote's second opinion")
            .AppendLine()
            .AppendLine("Microsoft Coyote 1.7.11 explored each submission's ordinary C# in a worker of its own, with the scenario's stated Coyote configuration. " +
                        "It does not score: the lab's verdict (summary.md) does. Coyote sees ordinary C# only, so a file written with Lab.Systematic.Threading is not explorable by it.")
            .AppendLine()
            .AppendLine("| Student | Exercise | Lab (scores) | Coyote (second opinion) |")
            .AppendLine("|---|---|---|---|");
        var opinions = Opinions(students);
        foreach ((string student, ExerciseResult result, CoyoteOpinion opinion) in opinions)
        {
            text.AppendLine($"| {MarkdownSummary.Cell(student)} | {result.ExerciseId} | {result.Score:0.#} {result.Verdict} | {MarkdownSummary.Cell(opinion.Cell)} |");
        }
        foreach ((string student, ExerciseResult result, CoyoteOpinion opinion) in opinions)
        {
            text.AppendLine().AppendLine($"## {MarkdownSummary.Cell(student)} / {result.ExerciseId}: {MarkdownSummary.Cell(opinion.Cell)}").AppendLine();
            text.AppendLine(MarkdownSummary.Cell(FirstLines(opinion.Detail))).AppendLine();
            if (opinion.Configuration.Length > 0) text.AppendLine($"- configuration: {opinion.Configuration}");
            text.AppendLine($"- Coyote's worker took {opinion.Seconds:0.0} s" + (opinion.Phases.Length > 0 ? $" ({opinion.Phases})" : ""));
            if (opinion.ReplayCommand is { } replay) text.AppendLine($"- replay with Coyote: `{replay}`");
            foreach (string spot in opinion.BlindSpots) text.AppendLine($"- Coyote may miss or misread: {MarkdownSummary.Cell(spot)}");
        }
        text.AppendLine().AppendLine(FinalLine(students));
        return AtomicFile.WriteAllText(Path.Combine(outputDirectory, FileName), text.ToString());
    }

    // Coyote's bug line, why there is no opinion, or for a pass the configuration it held under.
    private static string Words(CoyoteOpinion opinion) =>
        opinion.Verdict == Verdict.Correct && opinion.Configuration.Length > 0 ? opinion.Configuration : FirstLines(opinion.Detail);

    // A compile error's list or an exception's stack stays readable on one line: its first three lines.
    private static string FirstLines(string detail) =>
        string.Join(" ", detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
}
