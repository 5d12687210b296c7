using Lab.Cli.Commands;
using Lab.Cli.Exercises.Async;
using Lab.Cli.Exercises.Oracles;
using Lab.Cli.Scenarios;
using Lab.Scenarios;
using Lab.Scenarios.Deadlocks;
using Lab.Scenarios.Races;
using Lab.Scenarios.Starvation;

namespace Lab.Cli.Exercises;

/// <summary>The exercises in exercises/, one per hazard family that students most often get wrong.</summary>
public static class ExerciseCatalog
{
    /// <summary>Every exercise, in the order the task statements suggest doing them.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("lost-update", "races/lost-update", "Counter.cs", null, CounterOracles.All),
        new("bank-transfer-audit", "races/bank-transfer-audit", "Bank.cs",
            new IndependentCalls("deposits into different accounts never wait for each other",
                subject => ((IBank)subject).Deposit(0, 10), subject => ((IBank)subject).Deposit(1, 10)),
            BankOracles.All),
        new("lock-order-inversion", "deadlocks/lock-order-inversion", "Accounts.cs",
            new IndependentCalls("balance queries of different accounts never wait for each other",
                subject => ((IAccounts)subject).Balance(0), subject => ((IAccounts)subject).Balance(1)),
            AccountsOracles.All),
        new("if-instead-of-while", "signalling/if-instead-of-while", "BlockingQueue.cs", null, BlockingQueueOracles.All),
        new("dining-philosophers", "deadlocks/dining-philosophers", "DiningTable.cs", null, DiningTableOracles.All),
        new("readers-writers", "starvation/readers-writers", "ReadWriteLock.cs",
            new SharedSection("two readers can be inside the read lock at the same time", Read),
            ReadWriteLockOracles.All),
        new("async-once", AsyncOnceScenario.Instance.Id, "AsyncOnce.cs", null, AsyncOnceOracles.All, AsyncOnceScenario.Instance),
    ];

    /// <summary>The exercise with this id; otherwise a <see cref="UsageException"/> listing the ids.</summary>
    public static Exercise Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown exercise '{id}'; the exercises are: {string.Join(", ", All.Select(e => e.Id))}");

    /// <summary>The exercise built on scenario <paramref name="scenarioId"/>, or null.</summary>
    public static Exercise? ForScenario(string scenarioId) => All.FirstOrDefault(e => e.ScenarioId == scenarioId);

    /// <summary>The scenario with this id: an exercise's own (the async ones, not in Lab.Scenarios) or the catalogue's.</summary>
    public static IScenario ScenarioFor(string scenarioId) =>
        All.FirstOrDefault(e => e.OwnScenario?.Id == scenarioId)?.OwnScenario ?? ScenarioLookup.Resolve(scenarioId);

    private static void Read(object subject, Action inside)
    {
        var rwlock = (IReadWriteLock)subject;
        rwlock.EnterRead();
        inside();
        rwlock.ExitRead();
    }
}
