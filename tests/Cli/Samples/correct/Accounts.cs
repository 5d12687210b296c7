// Sample submission: a correct fix, locks taken in account order.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

public sealed class Accounts : IAccounts
{
    private readonly object[] _locks = [new(), new()];
    private readonly int[] _balances = [100, 100];

    public void Transfer(int from, int to, int amount)
    {
        lock (_locks[Math.Min(from, to)])
        lock (_locks[Math.Max(from, to)])
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int Balance(int account)
    {
        lock (_locks[account])
        {
            return _balances[account];
        }
    }
}
