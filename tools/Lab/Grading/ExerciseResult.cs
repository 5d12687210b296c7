using System.Text.Json.Serialization;
using Lab.Cli.Coyote;
using Lab.Cli.Exercises;

namespace Lab.Cli.Grading;

/// <summary>One student's result on one exercise: the verdict and every scored check. Crosses the worker boundary as JSON.</summary>
public sealed record ExerciseResult
{
    /// <summary>The exercise's id.</summary>
    public required string ExerciseId { get; init; }

    /// <summary>The overall outcome.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
    public required Verdict Verdict { get; init; }

    /// <summary>The scored checks, in the order of <see cref="Scoring.ChecksOf"/>.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>Wall-clock seconds spent grading it.</summary>
    public double Seconds { get; init; }

    /// <summary>Microsoft Coyote's second opinion (grade --engine coyote), shown beside the verdict and never scored; set by the grader, never read from a worker.</summary>
    [JsonIgnore]
    public CoyoteOpinion? Coyote { get; init; }

    /// <summary>Points earned.</summary>
    [JsonIgnore]
    public double Score => Checks.Sum(c => c.Points);

    /// <summary>Points available.</summary>
    [JsonIgnore]
    public double MaxScore => Checks.Sum(c => c.MaxPoints);

    /// <summary>A result where nothing could be checked: every check fails with <paramref name="reason"/> as its output.</summary>
    public static ExerciseResult Unchecked(Exercise exercise, Verdict verdict, string reason, double seconds = 0) => new()
    {
        ExerciseId = exercise.Id,
        Verdict = verdict,
        Checks = Scoring.ChecksOf(exercise).Select(c => new CheckResult(c.Name, false, 0, c.MaxPoints, reason)).ToList(),
        Seconds = seconds,
    };
}
