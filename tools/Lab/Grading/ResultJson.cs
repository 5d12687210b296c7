using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lab.Cli.Grading;

/// <summary>The JSON form of an <see cref="ExerciseResult"/> on the line a worker process prints for its parent.</summary>
public static class ResultJson
{
    /// <summary>Starts the one stdout line that carries the result, so anything a submission prints cannot be mistaken for it.</summary>
    public const string LinePrefix = "LAB-RESULT ";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as the single protocol line.</summary>
    public static string ToLine(ExerciseResult result) => LinePrefix + JsonSerializer.Serialize(result, Options);

    /// <summary>The result carried by the last protocol line of <paramref name="output"/>, or null when there is none.</summary>
    public static ExerciseResult? FromOutput(string output)
    {
        string? line = output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(LinePrefix, StringComparison.Ordinal));
        if (line is null) return null;
        try
        {
            return JsonSerializer.Deserialize<ExerciseResult>(line[LinePrefix.Length..], Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
