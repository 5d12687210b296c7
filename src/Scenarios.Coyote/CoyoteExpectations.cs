using Lab.Systematic.Coyote.Testing;
using Lab.Systematic.Detection;

namespace Lab.Scenarios.Coyote;

/// <summary>
/// The table of documented Coyote outcomes, one row per systematic scenario, measured on this machine with
/// <c>tools/Benchmarks -- hazards</c> and asserted by tests/Hazards.
/// </summary>
public static class CoyoteExpectations
{
    /// <summary>The configuration most rows state: random strategy, 300 iterations, seed 0, Coyote's step bounds.</summary>
    public static CoyoteOptions Standard { get; } = CoyoteOptions.Default.WithStrategy(CoyoteStrategy.Random).WithIterations(300);

    /// <summary>With plain-field loads and stores as scheduling points (Coyote's memory-access mode).</summary>
    public static CoyoteOptions MemoryAccess { get; } = Standard.WithMemoryAccessRaces();

    /// <summary>For code that blocks in primitives Coyote does not control: its "potential deadlock" timer after 100 ms, not 1 s.</summary>
    public static CoyoteOptions Uncontrolled { get; } = Standard.WithDeadlockTimeout(100);

    private static readonly CoyoteExpectation[] Rows =
    [
        Found("races/lost-update", MemoryAccess, BugKind.AssertionFailure),
        Found("races/broken-flag-mutex", MemoryAccess, BugKind.AssertionFailure),
        Found("races/check-then-act-cache", Standard, BugKind.AssertionFailure),
        Found("races/bank-transfer-audit", Standard, BugKind.AssertionFailure),
        Found("races/lazy-init-no-recheck", MemoryAccess, BugKind.AssertionFailure),
        Found("races/torn-value", MemoryAccess, BugKind.AssertionFailure),
        Found("order-violations/publish-before-init", MemoryAccess, BugKind.AssertionFailure),
        Found("order-violations/signal-before-enqueue", Standard, BugKind.UnhandledException),
        new("order-violations/barrier-wrong-count", Uncontrolled, BugKind.AssertionFailure, BugKind.Hang,
            "Barrier is not controlled by Coyote 1.7.11: the buggy count of 1 never blocks, so the assertion is reached; the fix's real SignalAndWait blocks, a false 'potential deadlock or hang'"),
        Found("signalling/if-instead-of-while", Standard, BugKind.UnhandledException),
        Found("signalling/lost-wakeup", Standard, BugKind.Deadlock),
        Found("signalling/cargill-bounded-buffer", Standard, BugKind.Deadlock),
        new("signalling/countdown-too-few-signals", Uncontrolled, BugKind.Hang, BugKind.Hang,
            "CountdownEvent is not controlled by Coyote 1.7.11 (it waits on a ManualResetEventSlim): a real wait that Coyote's timer reports as a 'potential deadlock or hang', on the fix too"),
        Missed("signalling/semaphore-minted-coin", Standard,
            "Coyote treats a timed wait (SemaphoreSlim.Wait(1)) as an infinite one, so the time-out the bug needs never happens"),
        Found("signalling/auto-reset-coalesced-signals", Standard, BugKind.Deadlock),
        new("signalling/set-then-reset", Uncontrolled, BugKind.Hang, BugKind.Hang,
            "ManualResetEventSlim is not controlled by Coyote 1.7.11 (listed as an uncontrolled invocation): a real wait, reported by its timer as a 'potential deadlock or hang', on the fix too"),
        Found("deadlocks/bounded-buffer-mutex-first", Standard, BugKind.Deadlock),
        Found("deadlocks/lock-order-inversion", Standard, BugKind.Deadlock),
        Found("deadlocks/leaked-lock", Standard, BugKind.Deadlock),
        Found("deadlocks/dining-philosophers", Standard, BugKind.Deadlock),
        Found("livelocks/polite-philosophers", Standard, BugKind.Deadlock,
            "Coyote 1.7.11 models Monitor.TryEnter as a blocking Enter, so the polite back-off never happens and the program deadlocks instead of livelocking"),
        Found("starvation/readers-writers", Standard, BugKind.Starvation),
        new("starvation/unfair-spin-lock", Standard, BugKind.Starvation, BugKind.Starvation,
            "Coyote cannot tell a spinning waiter it did not schedule from one that was overtaken, so the bypass check also fails the ticket-lock fix (the lab counts a bypass only once the waiter has moved)"),
        // Coyote's 1 s timer, not Uncontrolled's 100 ms: the continuations run uncontrolled, and under load one took over 100 ms (a false "potential deadlock" on the fix).
        Missed("async/sync-over-async-deadlock", Standard.WithIterations(10),
            "Coyote 1.7.11 runs awaits on its own SynchronizationContext; the UI context the harness installs replaces it, so continuations are posted to the real thread pool (uncontrolled, about 0.5 s an iteration) and the blocked UI thread is never needed"),
        NotRun("async/async-void-lost-exception", Standard,
            "Coyote 1.7.11 does not control async void methods: the handler's continuation runs on a real thread-pool thread, and its exception (or Coyote's ThreadInterruptedException when the iteration ends while it waits in a lock) ends the process, so the buggy variant is never run in-process"),
        Found("async/missing-await", Standard, BugKind.AssertionFailure),
        Missed("async/async-lock-released-unacquired", Standard,
            "Coyote treats a timed wait (SemaphoreSlim.WaitAsync(10)) as an infinite one, so the time-out whose finally releases an unacquired permit never happens"),
        Found("async/tcs-inline-continuation-deadlock", Standard, BugKind.Deadlock),
        Found("async/get-or-add-factory-leak", Standard, BugKind.AssertionFailure),
        Missed("async/cancel-disposed-source", Standard,
            "CancellationTokenSource.Cancel and Dispose are not scheduling points in Coyote 1.7.11, so nothing runs between Cancel's flag check (a Volatile.Read point) and its Cancel call"),
    ];

    /// <summary>Every row, in catalogue order.</summary>
    public static IReadOnlyList<CoyoteExpectation> All { get; } = Array.AsReadOnly(Rows);

    /// <summary>The row of <paramref name="scenarioId"/>; throws <see cref="KeyNotFoundException"/> for a scenario Coyote is not run on.</summary>
    public static CoyoteExpectation For(string scenarioId) =>
        Rows.FirstOrDefault(row => row.ScenarioId == scenarioId)
        ?? throw new KeyNotFoundException($"Coyote has no stated configuration for '{scenarioId}' (known: {string.Join(", ", Rows.Select(r => r.ScenarioId))})");

    private static CoyoteExpectation Found(string id, CoyoteOptions options, BugKind kind, string note = "") => new(id, options, kind, null, note);

    private static CoyoteExpectation Missed(string id, CoyoteOptions options, string note) => new(id, options, null, null, note);

    private static CoyoteExpectation NotRun(string id, CoyoteOptions options, string note) => new(id, options, null, null, note) { BuggyEndsTheProcess = true };
}
