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
// Rules: use the controlled primitives of Lab.Systematic.Threading; no 'lock' statement, no System.Threading.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

/// <summary>Accounts 0 and 1, opened with 100 each, each guarded by its own lock.</summary>
public sealed class Accounts : IAccounts
{
    private readonly Lock[] _locks = [new("account0"), new("account1")];
    private readonly int[] _balances = [100, 100];

    /// <summary>Moves an amount between the accounts, atomically.</summary>
    public void Transfer(int from, int to, int amount)
    {
        using (_locks[from].EnterScope())
        using (_locks[to].EnterScope())
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    /// <summary>The balance of one account.</summary>
    public int Balance(int account)
    {
        using (_locks[account].EnterScope())
        {
            return _balances[account];
        }
    }
}
