using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Detection;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Coyote.Traces;

/// <summary>
/// Reads and writes <see cref="CoyoteTrace"/> files: one JSON object with the lab's header and Coyote's trace embedded
/// as JSON under "coyoteTrace" (so <c>jq .coyoteTrace</c> gives back the file Coyote's own <c>replay</c> takes).
/// </summary>
public static class CoyoteTraceFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <paramref name="path"/> holds a Coyote trace (rather than a lab trace); false for unreadable files.</summary>
    public static bool IsCoyoteTrace(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out JsonElement format)
                && format.ValueKind == JsonValueKind.String && format.GetString() == CoyoteTrace.FormatTag;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="trace"/> to <paramref name="path"/> atomically; returns the full path.</summary>
    public static string Save(CoyoteTrace trace, string path)
    {
        ArgumentNullException.ThrowIfNull(trace);
        CoyoteOptions options = trace.Options;
        var root = new JsonObject
        {
            ["format"] = CoyoteTrace.FormatTag,
            ["engine"] = "coyote 1.7.11",
            ["testName"] = trace.TestName,
            ["iteration"] = trace.Iteration,
            ["bug"] = new JsonObject { ["kind"] = trace.Kind.ToString(), ["message"] = trace.Message },
            ["options"] = new JsonObject
            {
                ["strategy"] = options.Strategy.ToString(),
                ["strategyBound"] = options.StrategyBound,
                ["iterations"] = options.Iterations,
                ["seed"] = options.Seed,
                ["maxSteps"] = options.MaxSteps,
                ["livenessTemperatureThreshold"] = options.LivenessTemperatureThreshold,
                ["memoryAccessRaces"] = options.MemoryAccessRaces,
                ["deadlockTimeoutMilliseconds"] = options.DeadlockTimeoutMilliseconds,
            },
            ["coyoteTrace"] = JsonNode.Parse(trace.ReproducibleTrace),
        };
        return AtomicFile.WriteAllText(path, root.ToJsonString(Indented));
    }

    /// <summary>Reads a Coyote trace; a missing or malformed file throws <see cref="TraceFormatException"/> with a one-line reason.</summary>
    public static CoyoteTrace Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceFormatException(path, e.Message, e);
        }
        try
        {
            JsonObject root = JsonNode.Parse(text)?.AsObject() ?? throw new TraceFormatException(path, "empty");
            if ((string?)root["format"] != CoyoteTrace.FormatTag) throw new TraceFormatException(path, $"not a Coyote trace (no \"format\": \"{CoyoteTrace.FormatTag}\")");
            JsonObject options = Required(root, "options", path).AsObject();
            JsonObject bug = Required(root, "bug", path).AsObject();
            return new CoyoteTrace
            {
                TestName = (string?)Required(root, "testName", path) ?? "",
                Iteration = (int)Required(root, "iteration", path),
                Kind = Enum.Parse<BugKind>((string?)Required(bug, "kind", path) ?? ""),
                Message = (string?)Required(bug, "message", path) ?? "",
                Options = new CoyoteOptions
                {
                    Strategy = Enum.Parse<CoyoteStrategy>((string?)Required(options, "strategy", path) ?? ""),
                    StrategyBound = (int)Required(options, "strategyBound", path),
                    Iterations = (int)Required(options, "iterations", path),
                    Seed = (uint)Required(options, "seed", path),
                    MaxSteps = (int?)options["maxSteps"],
                    LivenessTemperatureThreshold = (int?)options["livenessTemperatureThreshold"],
                    MemoryAccessRaces = (bool)Required(options, "memoryAccessRaces", path),
                    DeadlockTimeoutMilliseconds = (int?)options["deadlockTimeoutMilliseconds"],
                },
                ReproducibleTrace = Required(root, "coyoteTrace", path).ToJsonString(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new TraceFormatException(path, $"not a readable Coyote trace: {e.Message}", e);
        }
    }

    private static JsonNode Required(JsonObject node, string name, string path) =>
        node[name] ?? throw new TraceFormatException(path, $"not a readable Coyote trace: \"{name}\" is missing");
}
