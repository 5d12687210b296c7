using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the lock-order-inversion exercise: three transfers at once, every amount accounted for.</summary>
public static class AccountsOracles
{
    /// <summary>Both accounts open at 100; transfers of 7 and 4 one way and 13 the other run at once: 102 and 98 at the end.</summary>
    public static ExerciseOracle ConcurrentTransfersConserve { get; } = ExerciseOracle.Of<IAccounts>("concurrent-transfers-conserve",
        "accounts open at 100; transfers of 7 and 4 from 0 to 1 and of 13 from 1 to 0 run at once: the balances end at 102 and 98",
        dfsPreemptionBound: 2, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [ConcurrentTransfersConserve];

    private static void Run(IAccounts accounts)
    {
        ExerciseOracle.Expect(accounts.Balance(0), 100, "the opening balance of account 0");
        ExerciseOracle.Expect(accounts.Balance(1), 100, "the opening balance of account 1");
        var threads = new List<ControlledThread>
        {
            new(() => accounts.Transfer(0, 1, 7), "transfer-7-0-to-1"),
            new(() => accounts.Transfer(1, 0, 13), "transfer-13-1-to-0"),
            new(() => accounts.Transfer(0, 1, 4), "transfer-4-0-to-1"),
        };
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        ExerciseOracle.Expect(accounts.Balance(0), 102, "account 0 after the transfers (100 - 7 + 13 - 4)");
        ExerciseOracle.Expect(accounts.Balance(1), 98, "account 1 after the transfers (100 + 7 - 13 + 4)");
    }
}
