// Exercise "bank-transfer-audit" (scenario races/bank-transfer-audit)
//
// One thread moves 10 from account 0 to account 1 while an auditor adds up both balances; the total
// must always be 100. Every single step below is locked, yet the auditor can see the money in neither
// account. Make a transfer and an audit atomic with respect to each other.
//
// Keep the bank concurrent: deposits into different accounts must still be able to run at the same
// time, so one bank-wide lock around everything is not accepted.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~bank-transfer-audit
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using Lab.Scenarios.Races;

namespace Exercises;

/// <summary>Two accounts, each guarded by its own lock.</summary>
public sealed class Bank : IBank
{
    private readonly object[] _locks = [new(), new()];
    private readonly int[] _balances = new int[2];

    /// <summary>Adds an amount to one account.</summary>
    public void Deposit(int account, int amount)
    {
        lock (_locks[account])
        {
            _balances[account] += amount;
        }
    }

    /// <summary>Moves an amount from one account to the other.</summary>
    public void Transfer(int from, int to, int amount)
    {
        Deposit(from, -amount);
        Deposit(to, amount);
    }

    /// <summary>The sum of both balances.</summary>
    public int TotalBalance()
    {
        int total = 0;
        for (int account = 0; account < _balances.Length; account++)
        {
            lock (_locks[account])
            {
                total += _balances[account];
            }
        }
        return total;
    }
}
