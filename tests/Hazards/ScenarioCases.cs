using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>Test cases over the catalogue, with readable names, and what each buggy variant's report must say.</summary>
internal static class ScenarioCases
{
    /// <summary>The fixed seeds every buggy variant must be found with.</summary>
    public static readonly ulong[] Seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>The most iterations a DFS run may take before the test calls the space too large.</summary>
    public const int DfsIterationCap = 200_000;

    /// <summary>
    /// Where each buggy variant's bug must be: fragments of the report's message (the broken invariant, the thread
    /// and lock names of the wait-for cycle). Every systematic scenario needs an entry.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExpectedMessage = new Dictionary<string, string[]>
    {
        ["races/lost-update"] = ["count is 1, expected 2", "an increment was lost"],
        ["races/broken-flag-mutex"] = ["2 threads are inside the critical section at once"],
        ["races/check-then-act-cache"] = ["the factory for 'config' ran 2 times, expected once"],
        ["races/bank-transfer-audit"] = ["the auditor saw a balance total of", "expected 100"],
        ["races/lazy-init-no-recheck"] = ["the singleton was built 2 times, expected once"],
        ["races/torn-value"] = ["halves of two different updates"],
        ["order-violations/publish-before-init"] = ["the reader saw the mailbox ready with data 0, expected 42"],
        ["order-violations/signal-before-enqueue"] = ["System.InvalidOperationException in consumer", "Queue empty"],
        ["order-violations/barrier-wrong-count"] = ["passed the gate and read worker", "before it was written: phases mixed"],
        ["signalling/if-instead-of-while"] = ["System.InvalidOperationException in consumer", "Queue empty"],
        ["signalling/lost-wakeup"] = ["waiter holds nothing and waits for a Pulse on Buggy._gate"],
        ["signalling/cargill-bounded-buffer"] = ["producer holds nothing and waits for a Pulse on Buggy._gate", "consumer"],
        ["signalling/countdown-too-few-signals"] = ["main holds nothing and waits for Buggy._allDone (count 1)"],
        ["signalling/semaphore-minted-coin"] = ["2 threads use the single connection at once"],
        ["signalling/auto-reset-coalesced-signals"] = ["consumer holds nothing and waits for Buggy._posted (not set)"],
        ["signalling/set-then-reset"] = ["worker holds nothing and waits for Buggy._gateOpen (not set)"],
        ["deadlocks/bounded-buffer-mutex-first"] = ["consumer holds Buggy._mutex and waits for Buggy._filled (count 0)", "producer holds nothing and waits for Buggy._mutex"],
        ["deadlocks/lock-order-inversion"] = ["transfer-0-to-1 holds Buggy._account0 and waits for Buggy._account1", "transfer-1-to-0 holds Buggy._account1 and waits for Buggy._account0"],
        ["deadlocks/leaked-lock"] = ["waits for Buggy._gate (held by bad-client, which finished without releasing it)"],
        ["deadlocks/dining-philosophers"] = ["P0 holds Buggy._fork0 and waits for Buggy._fork1", "P1 holds Buggy._fork1 and waits for Buggy._fork2", "P2 holds Buggy._fork2 and waits for Buggy._fork0"],
        ["livelocks/polite-philosophers"] = ["gets to eat' stayed hot for", "on a fair schedule"],
        ["starvation/readers-writers"] = ["writer waited to enter 'the document' while others entered 5 times (bound 4)"],
        ["starvation/unfair-spin-lock"] = ["waited to enter 'the spin lock' while others entered 4 times (bound 3)"],
        ["async/sync-over-async-deadlock"] = ["main holds the single-threaded UiContext and waits for SummaryAsync", "ForecastAsync holds nothing and waits for the single-threaded UiContext"],
        ["async/async-void-lost-exception"] = ["System.ObjectDisposedException escaped async void OnSaveClicked at AsyncVoidLostException.cs:", "the document was closed before the save wrote it"],
        ["async/missing-await"] = ["read the name 'alice' after RenameAsync(\"bob\") completed"],
        ["async/async-lock-released-unacquired"] = ["System.Threading.SemaphoreFullException in main", "exceed its maximum count"],
        ["async/tcs-inline-continuation-deadlock"] = ["Publisher holds Feed._feed and waits for Feed._statistics", "Report holds Feed._statistics and waits for Feed._feed"],
        ["async/get-or-add-factory-leak"] = ["opened 2 connections to 'db' but disposed 1"],
        ["async/cancel-disposed-source"] = ["System.ObjectDisposedException in main", "The CancellationTokenSource has been disposed"],
    };

    public static IEnumerable<TestCaseData> All() =>
        ScenarioCatalog.All.Select(s => Case(s, $"{Name(s)}_HasCompleteMetadata"));

    public static IEnumerable<TestCaseData> BuggySystematic() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic).Select(s =>
            Case(s, $"{Name(s)}_Buggy_Finds{s.ExpectedBug}_ForEachOf{Seeds.Length}Seeds_WithinBudget_AndTheTraceReplays"));

    public static IEnumerable<TestCaseData> BuggySafety() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic && !IsLiveness(s.ExpectedBug)).Select(s =>
            Case(s, $"{Name(s)}_Buggy_Dfs{BoundName(s)}_Finds{s.ExpectedBug}"));

    public static IEnumerable<TestCaseData> FixedDfs() =>
        ScenarioCatalog.All.Select(s => Case(s, $"{Name(s)}_Fixed_Dfs{BoundName(s)}_ExhaustsTheSpace_AndFindsNothing"));

    public static IEnumerable<TestCaseData> FixedDpor() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic).Select(s => Case(s, $"{Name(s)}_Fixed_Dpor{BoundName(s)}_ExhaustsEveryTrace_AndFindsNothing"));

    public static IEnumerable<TestCaseData> BuggyDpor() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic && !IsLiveness(s.ExpectedBug)).Select(s =>
            Case(s, $"{Name(s)}_Buggy_Dpor{BoundName(s)}_Finds{s.ExpectedBug}_AndTheTraceReplays"));

    public static IEnumerable<TestCaseData> FixedPortfolio() =>
        ScenarioCatalog.All.Select(s =>
            Case(s, $"{Name(s)}_Fixed_PortfolioOf{s.Budget.Iterations}Iterations_FindsNothing_ForEachOf{Seeds.Length}Seeds"));

    public static IEnumerable<TestCaseData> FixedStress() =>
        ScenarioCatalog.All.Select(s => Case(s, $"{Name(s)}_Fixed_RunsForRealOnRealThreads_WithoutAFailure"));

    public static IEnumerable<TestCaseData> BuggyStress() =>
        ScenarioCatalog.All.Where(s => s.IsSystematic).Select(s => Case(s, $"{Name(s)}_Buggy_RunsForRealOnRealThreads_CountingItsFailures"));

    public static bool IsLiveness(BugKind kind) => kind is BugKind.Livelock or BugKind.Starvation;

    /// <summary>The scenario's class name, e.g. "LostUpdate".</summary>
    public static string Name(IScenario scenario) => scenario.GetType().Name;

    /// <summary>The stated budget with the test's trace directory.</summary>
    public static ExplorationOptions Budget(IScenario scenario) =>
        scenario.Budget.WithTraceDirectory(TraceDirectory(scenario));

    /// <summary>The stated DFS run for the fixed variant: exhaustive, or bounded by the stated preemption bound.</summary>
    public static ExplorationOptions Dfs(IScenario scenario) => Budget(scenario)
        .WithStrategy(StrategyKind.Dfs)
        .WithPreemptionBound(scenario.FixedDfsPreemptionBound)
        .WithIterations(DfsIterationCap)
        .WithTimeLimit(TimeSpan.FromMinutes(1));

    /// <summary>The DPOR run for a scenario: the same bound as its DFS run, one schedule per Mazurkiewicz trace.</summary>
    public static ExplorationOptions Dpor(IScenario scenario) => Dfs(scenario).WithStrategy(StrategyKind.Dpor);

    public static string TraceDirectory(IScenario scenario) =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "hazard-traces", scenario.Id.Replace('/', '-'));

    private static string BoundName(IScenario scenario) =>
        scenario.FixedDfsPreemptionBound is { } bound ? $"WithPreemptionBound{bound}" : "Unbounded";

    private static TestCaseData Case(IScenario scenario, string name) => new TestCaseData(scenario).SetName(name);
}
