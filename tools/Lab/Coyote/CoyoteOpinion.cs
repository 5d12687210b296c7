using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lab.Cli.Grading;

namespace Lab.Cli.Coyote;

/// <summary>
/// Microsoft Coyote's second opinion on one submission, in the grader's verdicts: Buggy with the bug kind and the
/// iteration, Correct after its iterations, or why it has none (not explorable, compile error, time-out, crash). It
/// never scores; the gradebook shows it beside the lab's verdict. Crosses the worker boundary as JSON.
/// </summary>
public sealed record CoyoteOpinion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The exercise's id.</summary>
    public required string ExerciseId { get; init; }

    /// <summary>Coyote's verdict, or null when the file is not explorable by Coyote (it uses the lab's own primitives).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
    public Verdict? Verdict { get; init; }

    /// <summary>The lab's name of the bug kind Coyote reported ("Deadlock"), when Buggy.</summary>
    public string? Kind { get; init; }

    /// <summary>With a bug, the iteration that found it (from 1); otherwise the iterations run.</summary>
    public int Iterations { get; init; }

    /// <summary>Coyote's bug line, or why there is no opinion (compile errors, the lab primitives used, the time-out).</summary>
    public string Detail { get; init; } = "";

    /// <summary>The configuration it ran under ("coyote random, seed 0, 300 iterations, memory-access races").</summary>
    public string Configuration { get; init; } = "";

    /// <summary>What Coyote is documented to miss or misread here: the scenario's note and the constructs the file uses.</summary>
    public IReadOnlyList<string> BlindSpots { get; init; } = [];

    /// <summary>Coyote's reproducible trace of the bug, when one was written.</summary>
    public string? TracePath { get; init; }

    /// <summary>The student's file (set by the grader, not the worker), which a replay of the trace compiles again.</summary>
    [JsonIgnore]
    public string? SubmissionPath { get; init; }

    /// <summary>The command that replays the trace with Coyote against the student's file, or null without a trace.</summary>
    [JsonIgnore]
    public string? ReplayCommand => TracePath is { } trace && SubmissionPath is { } file
        ? $"dotnet run --project tools/Lab -- replay \"{trace}\" --submission \"{file}\""
        : null;

    /// <summary>Where the worker's time went: "compile 1.9 s, rewrite 1.1 s, explore 0.4 s" (empty when it stopped early).</summary>
    public string Phases { get; init; } = "";

    /// <summary>Wall-clock seconds of the Coyote worker (start-up, compile, rewrite, explore).</summary>
    public double Seconds { get; init; }

    /// <summary>The gradebook cell: "Buggy (Deadlock, iteration 12)", "Correct (300 iterations)", "not explorable by Coyote".</summary>
    [JsonIgnore]
    public string Cell => Verdict switch
    {
        null => "not explorable by Coyote",
        Grading.Verdict.Buggy => $"Buggy ({Kind}, iteration {Iterations})",
        Grading.Verdict.Correct => $"Correct ({Iterations} iterations)",
        { } other => other.ToString(),
    };

    /// <summary>An opinion that names no bug and explains why: <paramref name="verdict"/> null means not explorable.</summary>
    public static CoyoteOpinion Without(string exerciseId, Verdict? verdict, string detail, IReadOnlyList<string>? blindSpots = null) =>
        new() { ExerciseId = exerciseId, Verdict = verdict, Detail = detail, BlindSpots = blindSpots ?? [] };

    /// <summary>The opinion as one line of JSON.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The opinion in <paramref name="json"/>, or null when it is not one.</summary>
    public static CoyoteOpinion? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CoyoteOpinion>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
