// Sample submission: bug-free, but one bank-wide lock serialises even deposits into different accounts.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly Lock _bank = new("bank-lock");
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        using (_bank.EnterScope())
        {
            _balances[account] += amount;
        }
    }

    public void Transfer(int from, int to, int amount)
    {
        using (_bank.EnterScope())
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int TotalBalance()
    {
        using (_bank.EnterScope())
        {
            return _balances[0] + _balances[1];
        }
    }
}
