using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lab.Cli.Commands;
using Lab.Cli.Grading;
using Lab.Systematic.Traces;

namespace Lab.Cli.Reports;

/// <summary>
/// What one <c>lab grade --shard i/n</c> run leaves in its output folder (shard.json) for <c>lab grade --merge</c>:
/// which shard of which class it graded, with which settings, and every result in full, so the merged reports are the
/// ones an unsharded run writes.
/// </summary>
public sealed record ShardResult
{
    /// <summary>The file's name in the shard's output folder.</summary>
    public const string FileName = "shard.json";

    /// <summary>The format this lab writes and reads; another is refused rather than guessed at.</summary>
    public const string CurrentFormat = "lab-grade-shard/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true,
    };

    /// <summary>Always <see cref="CurrentFormat"/> when written by this lab.</summary>
    public required string Format { get; init; }

    /// <summary>The lab's version: shards graded by different versions may score differently, so they are not merged.</summary>
    public required string LabVersion { get; init; }

    /// <summary>Which shard, from 1.</summary>
    public required int Shard { get; init; }

    /// <summary>How many shards the class was split into.</summary>
    public required int ShardCount { get; init; }

    /// <summary>The rule that put students into shards (<see cref="ClassShard.Rule"/>).</summary>
    public required string Rule { get; init; }

    /// <summary>The submissions folder as the shard saw it (it appears in the replay commands of the reports).</summary>
    public required string SubmissionsDirectory { get; init; }

    /// <summary>The shard's output folder when it ran; trace paths in the results start with it.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The ids of the exercises graded, in catalogue order.</summary>
    public required IReadOnlyList<string> Exercises { get; init; }

    /// <summary>Seed, budget, time limit and the rest, the same for every shard of one class.</summary>
    public required GradingSettings Settings { get; init; }

    /// <summary>Every student of the class (not only this shard's), in ordinal order: the merge checks no one is missing.</summary>
    public required IReadOnlyList<string> Class { get; init; }

    /// <summary>This shard's students and their results, in ordinal order.</summary>
    public required IReadOnlyList<StudentResult> Students { get; init; }

    /// <summary>The version this lab writes into <see cref="LabVersion"/>.</summary>
    public static string ThisLabVersion =>
        typeof(ShardResult).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The shard result of a run of <paramref name="plan"/> over <paramref name="classStudents"/>.</summary>
    public static ShardResult Of(GradingPlan plan, ClassShard shard, IReadOnlyList<string> classStudents, IReadOnlyList<StudentResult> students) => new()
    {
        Format = CurrentFormat,
        LabVersion = ThisLabVersion,
        Shard = shard.Index,
        ShardCount = shard.Count,
        Rule = ClassShard.Rule,
        SubmissionsDirectory = plan.SubmissionsDirectory,
        OutputDirectory = plan.OutputDirectory,
        Exercises = plan.Exercises.Select(e => e.Id).ToList(),
        Settings = plan.Settings,
        Class = classStudents,
        Students = students,
    };

    /// <summary>Writes shard.json into the shard's output folder (atomically); returns its path.</summary>
    public string Write() => AtomicFile.WriteAllText(Path.Combine(OutputDirectory, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>The shard result in <paramref name="directory"/>; a missing, unreadable or malformed one is a one-line <see cref="UsageException"/>.</summary>
    public static ShardResult Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!Directory.Exists(directory)) throw new UsageException($"--merge '{directory}' is not a folder; give the --out folder of each 'lab grade --shard i/n' run");
        if (!File.Exists(path)) throw new UsageException($"--merge '{directory}' has no {FileName}; give the --out folder of each 'lab grade --shard i/n' run");
        ShardResult? result;
        try
        {
            result = JsonSerializer.Deserialize<ShardResult>(File.ReadAllText(path), Options);
        }
        catch (JsonException problem)
        {
            string where = problem.Path is { Length: > 0 } field ? $" at {field}" : "";
            throw new UsageException($"--merge '{path}' is not a readable shard result{where}");
        }
        if (result is null) throw new UsageException($"--merge '{path}' is not a readable shard result");
        if (result.Format != CurrentFormat) throw new UsageException($"--merge '{path}' has format '{result.Format}'; this lab reads {CurrentFormat}");
        return result;
    }
}
