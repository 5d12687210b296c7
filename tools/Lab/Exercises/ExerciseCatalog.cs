using Lab.Cli.Commands;
using Lab.Scenarios.Deadlocks;
using Lab.Scenarios.Races;
using Lab.Scenarios.Starvation;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises;

/// <summary>The exercises in exercises/, one per hazard family that students most often get wrong.</summary>
public static class ExerciseCatalog
{
    /// <summary>Every exercise, in the order the task statements suggest doing them.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("lost-update", "races/lost-update", "Counter.cs", null),
        new("bank-transfer-audit", "races/bank-transfer-audit", "Bank.cs",
            new ConcurrencyDemand("deposits into different accounts can run at the same time",
                subject => Both(() => ((IBank)subject).Deposit(0, 10), () => ((IBank)subject).Deposit(1, 10)))),
        new("lock-order-inversion", "deadlocks/lock-order-inversion", "Accounts.cs",
            new ConcurrencyDemand("balance queries of different accounts can run at the same time",
                subject => Both(() => ((IAccounts)subject).Balance(0), () => ((IAccounts)subject).Balance(1)))),
        new("if-instead-of-while", "signalling/if-instead-of-while", "BlockingQueue.cs", null),
        new("dining-philosophers", "deadlocks/dining-philosophers", "DiningTable.cs", null),
        new("readers-writers", "starvation/readers-writers", "ReadWriteLock.cs",
            new ConcurrencyDemand("two readers can hold the read lock at the same time",
                subject => Both(() => Read((IReadWriteLock)subject), () => Read((IReadWriteLock)subject)))),
    ];

    /// <summary>The exercise with this id; otherwise a <see cref="UsageException"/> listing the ids.</summary>
    public static Exercise Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"unknown exercise '{id}'; the exercises are: {string.Join(", ", All.Select(e => e.Id))}");

    private static void Read(IReadWriteLock rwlock)
    {
        rwlock.EnterRead();
        rwlock.ExitRead();
    }

    private static void Both(Action first, Action second)
    {
        var a = new ControlledThread(first, ConcurrencyDemand.FirstThread);
        var b = new ControlledThread(second, ConcurrencyDemand.SecondThread);
        a.Start();
        b.Start();
        a.Join();
        b.Join();
    }
}
