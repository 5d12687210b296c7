using System.Text;
using Lab.Scenarios.Async;
using Lab.Scenarios.Deadlocks;
using Lab.Scenarios.Livelocks;
using Lab.Scenarios.MemoryModel;
using Lab.Scenarios.OrderViolations;
using Lab.Scenarios.Races;
using Lab.Scenarios.Signalling;
using Lab.Scenarios.Starvation;

namespace Lab.Scenarios;

/// <summary>Every scenario of the lab, in teaching order, looked up by id.</summary>
public static class ScenarioCatalog
{
    private static readonly IScenario[] Scenarios =
    [
        new LostUpdate(),
        new BrokenFlagMutex(),
        new CheckThenActCache(),
        new BankTransferAudit(),
        new LazyInitNoRecheck(),
        new TornValue(),
        new PublishBeforeInit(),
        new SignalBeforeEnqueue(),
        new BarrierWrongCount(),
        new IfInsteadOfWhile(),
        new LostWakeup(),
        new CargillBoundedBuffer(),
        new CountdownTooFewSignals(),
        new SemaphoreMintedCoin(),
        new AutoResetCoalescedSignals(),
        new SetThenReset(),
        new BoundedBufferMutexFirst(),
        new LockOrderInversion(),
        new LeakedLock(),
        new DiningPhilosophers(),
        new PolitePhilosophers(),
        new ReadersWriters(),
        new UnfairSpinLock(),
        new StoreBuffering(),
        new SyncOverAsyncDeadlock(),
        new AsyncVoidLostException(),
        new MissingAwait(),
        new AsyncLockReleasedUnacquired(),
        new TcsInlineContinuationDeadlock(),
        new GetOrAddFactoryLeak(),
        new CancelDisposedSource(),
    ];

    /// <summary>All scenarios, grouped by family.</summary>
    public static IReadOnlyList<IScenario> All { get; } = Array.AsReadOnly(Scenarios);

    /// <summary>The scenario with this id; throws <see cref="KeyNotFoundException"/> listing the known ids.</summary>
    public static IScenario Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (IScenario scenario in Scenarios)
        {
            if (string.Equals(scenario.Id, id, StringComparison.Ordinal)) return scenario;
        }
        throw new KeyNotFoundException($"no scenario has the id '{id}'. Known ids: {string.Join(", ", Scenarios.Select(s => s.Id))}");
    }

    /// <summary>The kebab-case prefix of a family's ids ("order-violations").</summary>
    public static string IdPrefix(HazardFamily family) => family switch
    {
        HazardFamily.Races => "races",
        HazardFamily.OrderViolations => "order-violations",
        HazardFamily.Signalling => "signalling",
        HazardFamily.Deadlocks => "deadlocks",
        HazardFamily.Livelocks => "livelocks",
        HazardFamily.Starvation => "starvation",
        HazardFamily.MemoryModel => "memory-model",
        HazardFamily.Async => "async",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>The catalogue as a Markdown table, one row per scenario, for the README.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder()
            .AppendLine("| # | Id | Hazard | Engine reports | Fix |")
            .AppendLine("|---|----|--------|----------------|-----|");
        for (int i = 0; i < Scenarios.Length; i++)
        {
            IScenario scenario = Scenarios[i];
            string reports = scenario.IsSystematic ? scenario.ExpectedBug.ToString() : "stress only (outcome counts)";
            table.AppendLine($"| {i + 1} | `{scenario.Id}` | {Cell(scenario.Title)} | {reports} | {Cell(scenario.FixExplanation)} |");
        }
        return table.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
