namespace Lab.Cli.Grading;

/// <summary>How hard grading looks at each submission; fixed per run so every student gets the same schedules.</summary>
public sealed record GradingSettings
{
    /// <summary>The seed of every exploration (default 0).</summary>
    public ulong Seed { get; init; }

    /// <summary>Portfolio iterations per submission (default 1,000; at least the scenario's own budget is used).</summary>
    public int Budget { get; init; } = 1_000;

    /// <summary>The most interleavings the DPOR pass explores after the portfolio found nothing (as many as the tour allows a fix).</summary>
    public int DporScheduleCap { get; init; } = 20_000;

    /// <summary>Seeded continuations run after each regression-corpus schedule.</summary>
    public int CorpusRounds { get; init; } = 4;

    /// <summary>Random schedules tried to get two threads inside a shared section at once (a correct fix does in nearly all of them); independent calls need no random schedules.</summary>
    public int ProbeAttempts { get; init; } = 30;

    /// <summary>The shortest time limit accepted: less and even a correct submission cannot finish its exploration.</summary>
    public static readonly TimeSpan ShortestTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Processor-time limit per submission and exercise, enforced by killing its worker process (see <see cref="WorkerProcess"/>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Microsoft Coyote's rewriting CLI when Coyote gives a second opinion beside the lab's verdict (grade --engine coyote); null: the lab's engine only.</summary>
    public string? CoyoteCliPath { get; init; }

    /// <summary>Where failing traces go (default: lab-traces/grading in the temp folder).</summary>
    public string TraceDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "lab-traces", "grading");
}
