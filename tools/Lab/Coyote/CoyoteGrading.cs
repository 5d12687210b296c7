using Lab.Cli.Commands;
using Lab.Cli.Exercises;
using Lab.Cli.Grading;

namespace Lab.Cli.Coyote;

/// <summary>
/// The grader's side of <c>lab grade --engine coyote</c>: one more sandboxed worker per submission, after the lab's own
/// (<c>lab grade-one --engine coyote</c>), under the same time limit, so Coyote's process-wide state, a crash or a hang
/// under Coyote never touches the lab's verdict. What the worker sends becomes a <see cref="CoyoteOpinion"/>.
/// </summary>
public static class CoyoteGrading
{
    /// <summary>The engine values <c>lab grade</c> accepts, in its help and errors.</summary>
    public const string EngineValues = "lab, coyote or both";

    /// <summary>
    /// Reads <c>grade --engine</c>: false for "lab", true for "coyote" and "both" (the lab's engine always scores;
    /// Coyote's opinion is shown beside it); a <see cref="UsageException"/> for anything else.
    /// </summary>
    public static bool WantsOpinion(string engine) => engine.ToLowerInvariant() switch
    {
        "lab" => false,
        "coyote" or "both" => true,
        _ => throw new UsageException($"--engine takes {EngineValues}; '{engine}' is not one"),
    };

    /// <summary>The seed Coyote takes (32 bits); a <see cref="UsageException"/> for a larger grading seed.</summary>
    public static uint Seed(ulong seed) =>
        seed <= uint.MaxValue ? (uint)seed : throw new UsageException($"--seed {seed}: with --engine coyote the seed must be at most {uint.MaxValue} (Coyote's seeds are 32 bits)");

    /// <summary>Coyote's opinion of <paramref name="file"/>, a student's hand-in for <paramref name="exercise"/>, from a worker of its own.</summary>
    public static CoyoteOpinion Opine(GradingPlan plan, string student, string file, Exercise exercise, string cliPath)
    {
        string traces = plan.TraceDirectory(student);
        string[] arguments =
        [
            "grade-one", "--engine", "coyote", "--exercise", exercise.Id, "--file", Path.GetFullPath(file),
            "--seed", plan.Settings.Seed.ToString(), "--trace-dir", traces, "--coyote-cli", cliPath,
        ];
        WorkerOutcome outcome = WorkerProcess.Run(arguments, plan.Settings.Timeout, resultPipe: true,
            wrap: (program, all) => WorkerSandbox.Wrap(program, all,
                hidden: [plan.SubmissionsDirectory, plan.OutputDirectory], readOnly: [Path.GetFullPath(file), Path.GetDirectoryName(cliPath)!], writable: [traces]));
        return OpinionOf(exercise, outcome, plan.Settings.Timeout) with { SubmissionPath = Path.GetFullPath(file) };
    }

    /// <summary>The opinion <paramref name="outcome"/> stands for: the one the worker sent, or why there is none.</summary>
    public static CoyoteOpinion OpinionOf(Exercise exercise, WorkerOutcome outcome, TimeSpan timeout)
    {
        double seconds = outcome.Elapsed.TotalSeconds;
        if (outcome.TimedOut)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.TimedOut,
                $"Coyote's run was stopped at the time limit of {timeout.TotalSeconds:0.#} s ({outcome.LastPhase ?? "starting"}): a loop without a scheduling point Coyote controls, or a wait nothing ends") with { Seconds = seconds };
        }
        if (outcome.ResultJsonText is not { } json)
        {
            return CoyoteOpinion.Without(exercise.Id, Verdict.Crashed, WorkerVerdict.CrashMessage(outcome)) with { Seconds = seconds };
        }
        CoyoteOpinion? opinion = CoyoteOpinion.Deserialize(json);
        return opinion is not null && opinion.ExerciseId == exercise.Id && outcome.ExitCode == 0
            ? opinion with { Seconds = seconds }
            : CoyoteOpinion.Without(exercise.Id, Verdict.Crashed, "The Coyote worker sent an opinion the grader cannot read or does not trust.") with { Seconds = seconds };
    }
}
