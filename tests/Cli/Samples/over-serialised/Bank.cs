// Sample submission: bug-free, but one bank-wide lock serialises even deposits into different accounts.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly object _bank = new();
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        lock (_bank)
        {
            _balances[account] += amount;
        }
    }

    public void Transfer(int from, int to, int amount)
    {
        lock (_bank)
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int TotalBalance()
    {
        lock (_bank)
        {
            return _balances[0] + _balances[1];
        }
    }
}
