using System.Text;

namespace Lab.Systematic.Traces;

/// <summary>
/// Renders a trace for people: one column per thread, one row per step, each cell the operation and its source
/// line, so the interleaving reads top to bottom like the Lincheck tables.
/// </summary>
public static class TraceRenderer
{
    /// <summary>The table aims to stay within this many characters; each column gets its share, within the bounds below.</summary>
    public const int TargetWidth = 160;

    /// <summary>A column is never narrower than this (and never wider than <see cref="MaxCellWidth"/>).</summary>
    public const int MinCellWidth = 34;

    /// <summary>Cells wider than this are shortened with an ellipsis: first the file name, then the step text.</summary>
    public const int MaxCellWidth = 60;

    /// <summary>
    /// The table; long traces keep their first and last <paramref name="edgeRows"/> rows (0 keeps all), since a
    /// livelock's ten thousand steps repeat one cycle. A trace with a <see cref="Lasso"/> shows its prefix and one
    /// cycle instead (unless 0 asks for all).
    /// </summary>
    public static string Render(ScheduleTrace trace, int edgeRows = 0)
    {
        var columns = trace.Operations.Select((name, id) => trace.Steps.Any(s => s.Operation == id) ? id : -1).Where(id => id >= 0).ToList();
        int cellWidth = Math.Clamp(TargetWidth / Math.Max(1, columns.Count), MinCellWidth, MaxCellWidth);
        int[] widths = columns.Select(id => Math.Max(trace.Operations[id].Length,
            trace.Steps.Where(s => s.Operation == id).Select(s => Cell(s, cellWidth).Length).DefaultIfEmpty(0).Max())).ToArray();
        int indexWidth = Math.Max(4, trace.Steps.Count.ToString().Length);
        var text = new StringBuilder();
        text.Append("step".PadLeft(indexWidth));
        for (int c = 0; c < columns.Count; c++) text.Append(" | ").Append(trace.Operations[columns[c]].PadRight(widths[c]));
        text.AppendLine();
        text.Append(new string('-', indexWidth));
        foreach (int width in widths) text.Append("-+-").Append(new string('-', width));
        text.AppendLine();
        for (int i = 0; i < trace.Steps.Count; i++)
        {
            if (edgeRows > 0 && trace.Lasso is { } lasso && i == lasso.Start)
            {
                text.AppendLine($"{"".PadLeft(indexWidth)}   (from here steps {lasso.Start + 1}–{lasso.Start + lasso.Period} repeat as a cycle to step {trace.Steps.Count})");
            }
            if (edgeRows > 0 && trace.Lasso is { } loop && i == loop.Start + loop.Period)
            {
                text.AppendLine($"{"...".PadLeft(indexWidth)}   (the cycle repeats: {trace.Steps.Count - i} more steps; replay with --steps to see all)");
                break;
            }
            if (edgeRows > 0 && trace.Lasso is null && i == edgeRows && trace.Steps.Count > 2 * edgeRows)
            {
                text.AppendLine($"{"...".PadLeft(indexWidth)}   ({trace.Steps.Count - 2 * edgeRows} steps omitted; replay with --steps to see all)");
                i = trace.Steps.Count - edgeRows - 1;
                continue;
            }
            StepRecord step = trace.Steps[i];
            text.Append((i + 1).ToString().PadLeft(indexWidth));
            for (int c = 0; c < columns.Count; c++)
            {
                text.Append(" | ").Append((columns[c] == step.Operation ? Cell(step, cellWidth) : "").PadRight(widths[c]));
            }
            text.AppendLine();
        }
        if (trace.Bug is { } bug) text.AppendLine().Append(bug.Kind).Append(": ").AppendLine(bug.Message);
        return text.ToString();
    }

    /// <summary>
    /// The step and its source line within <paramref name="width"/>: a long file name is shortened first (the line
    /// number always stays), then the step text.
    /// </summary>
    private static string Cell(StepRecord step, int width)
    {
        string description = step.Describe();
        string location = step.Location;
        if (location.Length == 0) return Shorten(description, width);
        if (description.Length + 2 + location.Length <= width) return $"{description} @{location}";
        int colon = location.LastIndexOf(':');
        string file = location[..colon], line = location[colon..];
        int fileRoom = width - description.Length - 2 - line.Length;
        if (fileRoom >= 6) return $"{description} @…{file[^(fileRoom - 1)..]}{line}";
        string shortLocation = file.Length > 5 ? $"…{file[^4..]}{line}" : location;
        return $"{Shorten(description, width - 2 - shortLocation.Length)} @{shortLocation}";
    }

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..Math.Max(1, width - 1)] + "…";
}
