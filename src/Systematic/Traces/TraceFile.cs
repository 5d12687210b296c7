using System.Text;
using System.Text.Json;
using Lab.Systematic.Detection;

namespace Lab.Systematic.Traces;

/// <summary>
/// Reads and writes traces as JSON. Writing is deterministic (fixed property order, no timestamps, file names
/// without directories), so the same schedule gives the same bytes on every machine; it goes through a temporary
/// file and a rename, so a crash never leaves half a trace.
/// </summary>
public static class TraceFile
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n" };

    /// <summary>The trace as JSON text.</summary>
    public static string ToJson(ScheduleTrace trace)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, trace);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The file name a trace of <paramref name="testName"/> gets: the name with anything but letters, digits, '-' and '_' made '-', then the seed, iteration and suffix.</summary>
    public static string FileNameFor(string testName, ulong seed, int iteration, string suffix = "") =>
        $"{SafeName(testName)}-seed{seed}-it{iteration}{suffix}.json";

    /// <summary>Whether <paramref name="path"/> has the file name the engine gives traces of <paramref name="testName"/>.</summary>
    public static bool IsFileNameFor(string path, string testName) =>
        System.IO.Path.GetFileName(path).StartsWith(SafeName(testName) + "-seed", StringComparison.Ordinal);

    private static string SafeName(string testName) => new(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    /// <summary>Writes the trace to <paramref name="path"/> atomically and returns the full path.</summary>
    public static string Save(ScheduleTrace trace, string path) => AtomicFile.WriteAllText(path, ToJson(trace));

    /// <summary>Loads a trace; throws <see cref="TraceFormatException"/> naming the problem for anything unusable.</summary>
    public static ScheduleTrace Load(string path)
    {
        if (!File.Exists(path)) throw new TraceFormatException(path, "the file does not exist");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new TraceFormatException(path, "the file cannot be read: " + exception.Message, exception);
        }
        return Parse(text, path);
    }

    /// <summary>Parses trace JSON; <paramref name="source"/> names it in errors.</summary>
    public static ScheduleTrace Parse(string json, string source = "<text>")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new TraceFormatException(source,
                $"it is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine}); the file is corrupt or truncated", exception);
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, source);
            }
            catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new TraceFormatException(source, "it is not a lab trace: " + exception.Message, exception);
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, ScheduleTrace trace)
    {
        writer.WriteStartObject();
        writer.WriteString("format", ScheduleTrace.FormatTag);
        writer.WriteString("test", trace.TestName);
        writer.WriteString("strategy", trace.Strategy);
        writer.WriteNumber("seed", trace.Seed);
        writer.WriteNumber("iteration", trace.Iteration);
        writer.WriteNumber("maxSteps", trace.MaxSteps);
        writer.WriteNumber("livenessBound", trace.LivenessBound);
        writer.WriteBoolean("detectDataRaces", trace.DetectDataRaces);
        writer.WriteNumber("preemptions", trace.Preemptions);
        if (trace.Lasso is { } lasso)
        {
            writer.WriteStartObject("lasso");
            writer.WriteNumber("start", lasso.Start);
            writer.WriteNumber("period", lasso.Period);
            writer.WriteEndObject();
        }
        if (trace.Bug is { } bug)
        {
            writer.WriteStartObject("bug");
            writer.WriteString("kind", bug.Kind.ToString());
            writer.WriteString("message", bug.Message);
            if (bug.Operation is not null) writer.WriteString("operation", bug.Operation);
            if (bug.Location is not null) writer.WriteString("location", bug.Location);
            writer.WriteEndObject();
        }
        writer.WriteStartArray("operations");
        foreach (string name in trace.Operations) writer.WriteStringValue(name);
        writer.WriteEndArray();
        writer.WriteStartArray("decisions");
        foreach (Decision decision in trace.Decisions)
        {
            switch (decision.Kind)
            {
                case DecisionKind.Operation: writer.WriteStringValue(trace.Operations[decision.Value]); break;
                case DecisionKind.Boolean: writer.WriteBooleanValue(decision.Value != 0); break;
                default: writer.WriteNumberValue(decision.Value); break;
            }
        }
        writer.WriteEndArray();
        writer.WriteStartArray("steps");
        foreach (StepRecord step in trace.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("op", trace.Operations[step.Operation]);
            writer.WriteString("do", step.Describe());
            writer.WriteString("at", step.Location);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ScheduleTrace Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new TraceFormatException(source, "the top level is not a JSON object");
        string format = Required(root, "format", source).GetString() ?? "";
        if (format != ScheduleTrace.FormatTag)
        {
            throw new TraceFormatException(source, $"its format is '{format}', this lab reads '{ScheduleTrace.FormatTag}'");
        }
        var operations = Required(root, "operations", source).EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var ids = new Dictionary<string, int>();
        for (int i = 0; i < operations.Count; i++) ids[operations[i]] = i;
        var decisions = new List<Decision>();
        foreach (JsonElement element in Required(root, "decisions", source).EnumerateArray())
        {
            decisions.Add(element.ValueKind switch
            {
                JsonValueKind.String when ids.TryGetValue(element.GetString()!, out int id) => new Decision(DecisionKind.Operation, id),
                JsonValueKind.String => throw new TraceFormatException(source, $"decision {decisions.Count} names operation '{element.GetString()}', which the trace does not list"),
                JsonValueKind.True => new Decision(DecisionKind.Boolean, 1),
                JsonValueKind.False => new Decision(DecisionKind.Boolean, 0),
                JsonValueKind.Number => new Decision(DecisionKind.Integer, element.GetInt32()),
                _ => throw new TraceFormatException(source, $"decision {decisions.Count} is a {element.ValueKind}, not an operation name, boolean or integer"),
            });
        }
        var steps = new List<StepRecord>();
        foreach (JsonElement element in Required(root, "steps", source).EnumerateArray())
        {
            string op = RequiredString(element, "op", source);
            if (!ids.TryGetValue(op, out int id)) throw new TraceFormatException(source, $"step {steps.Count} names operation '{op}', which the trace does not list");
            (string? file, int line) = SplitLocation(Required(element, "at", source).GetString() ?? "");
            steps.Add(new StepRecord(id, RequiredString(element, "do", source), null, file, line));
        }
        return new ScheduleTrace
        {
            TestName = RequiredString(root, "test", source),
            Strategy = RequiredString(root, "strategy", source),
            Seed = Required(root, "seed", source).GetUInt64(),
            Iteration = Required(root, "iteration", source).GetInt32(),
            MaxSteps = Required(root, "maxSteps", source).GetInt32(),
            LivenessBound = Required(root, "livenessBound", source).GetInt32(),
            DetectDataRaces = Required(root, "detectDataRaces", source).GetBoolean(),
            Preemptions = root.TryGetProperty("preemptions", out JsonElement p) ? p.GetInt32() : 0,
            Bug = root.TryGetProperty("bug", out JsonElement bug) ? ReadBug(bug, source) : null,
            Lasso = root.TryGetProperty("lasso", out JsonElement lasso)
                ? new Lasso(Required(lasso, "start", source).GetInt32(), Required(lasso, "period", source).GetInt32()) : null,
            Operations = operations,
            Decisions = decisions,
            Steps = steps,
        };
    }

    private static BugReport ReadBug(JsonElement bug, string source)
    {
        string kind = Required(bug, "kind", source).GetString()!;
        if (!Enum.TryParse(kind, out BugKind parsed)) throw new TraceFormatException(source, $"its bug kind '{kind}' is unknown");
        return new BugReport(parsed, Required(bug, "message", source).GetString()!,
            bug.TryGetProperty("operation", out JsonElement op) ? op.GetString() : null,
            bug.TryGetProperty("location", out JsonElement at) ? at.GetString() : null);
    }

    private static JsonElement Required(JsonElement element, string name, string source) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new TraceFormatException(source, $"the field '{name}' is missing; the file is truncated or not a lab trace");

    /// <summary>A field that must hold text; null, a number or an object there is "corrupt trace: &lt;field&gt;".</summary>
    private static string RequiredString(JsonElement element, string name, string source) =>
        Required(element, name, source) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new TraceFormatException(source, $"corrupt trace: {name} (the field '{name}' is not text)");

    /// <summary>Steps read back carry the recorded text in <see cref="StepRecord.Action"/> and "File.cs:12" split into file and line.</summary>
    private static (string? File, int Line) SplitLocation(string location)
    {
        int colon = location.LastIndexOf(':');
        return colon > 0 && int.TryParse(location.AsSpan(colon + 1), out int line) ? (location[..colon], line) : (null, 0);
    }
}
