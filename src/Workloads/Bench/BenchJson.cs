using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lab.Workloads.Bench;

/// <summary>How bench results are written as JSON: camelCase, indented, enums as names, durations in seconds.</summary>
public static class BenchJson
{
    /// <summary>The serializer options for bench.json.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(), new SecondsJsonConverter() },
    };

    /// <summary>The result as bench.json text.</summary>
    public static string Serialize(BenchResult result) => JsonSerializer.Serialize(result, Options);
}
