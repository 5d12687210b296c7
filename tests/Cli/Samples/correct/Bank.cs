// Sample submission: a correct fix that keeps one lock per account, taken in account order.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly object[] _locks = [new(), new()];
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        lock (_locks[account])
        {
            _balances[account] += amount;
        }
    }

    public void Transfer(int from, int to, int amount)
    {
        lock (_locks[Math.Min(from, to)])
        lock (_locks[Math.Max(from, to)])
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int TotalBalance()
    {
        lock (_locks[0])
        lock (_locks[1])
        {
            return _balances[0] + _balances[1];
        }
    }
}
