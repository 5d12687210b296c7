// Sample submission: a correct fix that keeps one lock per account, taken in account order.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly Lock[] _locks = [new("account0"), new("account1")];
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        using (_locks[account].EnterScope())
        {
            _balances[account] += amount;
        }
    }

    public void Transfer(int from, int to, int amount)
    {
        using (_locks[Math.Min(from, to)].EnterScope())
        using (_locks[Math.Max(from, to)].EnterScope())
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int TotalBalance()
    {
        using (_locks[0].EnterScope())
        using (_locks[1].EnterScope())
        {
            return _balances[0] + _balances[1];
        }
    }
}
