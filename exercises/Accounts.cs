// Exercise "lock-order-inversion" (scenario deadlocks/lock-order-inversion)
//
// Two transfers run at once, 0 -> 1 and 1 -> 0. Each locks its source account and then its
// destination, so each can end up holding the lock the other one waits for: a deadlock.
// Make every transfer take the locks in an order that cannot form a cycle.
//
// Keep the accounts concurrent: balance queries of different accounts must still be able to run at
// the same time, so one lock for all accounts is not accepted.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~lock-order-inversion
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

/// <summary>Accounts 0 and 1, opened with 100 each, each guarded by its own lock.</summary>
public sealed class Accounts : IAccounts
{
    private readonly object[] _locks = [new(), new()];
    private readonly int[] _balances = [100, 100];

    /// <summary>Moves an amount between the accounts, atomically.</summary>
    public void Transfer(int from, int to, int amount)
    {
        lock (_locks[from])
        lock (_locks[to])
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    /// <summary>The balance of one account.</summary>
    public int Balance(int account)
    {
        lock (_locks[account])
        {
            return _balances[account];
        }
    }
}
