using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lab.Cli.Grading;

/// <summary>The JSON form of an <see cref="ExerciseResult"/> as a worker sends it on its <see cref="WorkerChannel"/>.</summary>
public static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as one line of JSON.</summary>
    public static string Serialize(ExerciseResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>The result in <paramref name="json"/>, or null when it is not one.</summary>
    public static ExerciseResult? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ExerciseResult>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
