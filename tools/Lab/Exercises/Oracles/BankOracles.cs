using Lab.Scenarios.Races;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the bank-transfer-audit exercise: money is conserved under concurrent transfers and deposits.</summary>
public static class BankOracles
{
    /// <summary>
    /// From an empty bank, 30 and 40 are deposited; then transfers in both directions run with deposits into the same
    /// account and an audit. Every audit sees a total some moment had (70, 77, 81 or 88), and the end total is 88.
    /// </summary>
    public static ExerciseOracle ConcurrentTransfersConserve { get; } = ExerciseOracle.Of<IBank>("concurrent-transfers-conserve",
        "transfers both ways, deposits into one account and an audit at once: every audit and the end total add up (88)",
        dfsPreemptionBound: 2, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [ConcurrentTransfersConserve];

    private static void Run(IBank bank)
    {
        ExerciseOracle.Expect(bank.TotalBalance(), 0, "the total of a new bank");
        bank.Deposit(0, 30);
        bank.Deposit(1, 40);
        ExerciseOracle.Expect(bank.TotalBalance(), 70, "the total after depositing 30 and 40");
        int[] possible = [70, 77, 81, 88]; // before, after either deposit, after both: transfers never change it
        var threads = new List<ControlledThread>
        {
            new(() =>
            {
                bank.Transfer(0, 1, 5);
                bank.Deposit(1, 7);
            }, "transfer-0-to-1"),
            new(() =>
            {
                bank.Transfer(1, 0, 3);
                bank.Deposit(1, 11);
            }, "transfer-1-to-0"),
            new(() =>
            {
                int total = bank.TotalBalance();
                Specification.Assert(possible.Contains(total),
                    $"the auditor saw a total of {total}, which no moment had (70, 77, 81 or 88): money was created, lost or caught mid-transfer");
            }, "auditor"),
        };
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        ExerciseOracle.Expect(bank.TotalBalance(), 88, "the total after the transfers and the deposits of 7 and 11");
    }
}
