// Sample submission: a correct fix, locks taken in account order.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Accounts : IAccounts
{
    private readonly Lock[] _locks = [new("account0"), new("account1")];
    private readonly int[] _balances = [100, 100];

    public void Transfer(int from, int to, int amount)
    {
        using (_locks[Math.Min(from, to)].EnterScope())
        using (_locks[Math.Max(from, to)].EnterScope())
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int Balance(int account)
    {
        using (_locks[account].EnterScope())
        {
            return _balances[account];
        }
    }
}
