// Over-serialised: one bank-wide lock, with a Yield before it so the two deposits' steps interleave.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly Lock _bank = new("bank-lock");
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        ControlledThread.Yield();
        using (_bank.EnterScope())
        {
            _balances[account] += amount;
        }
    }

    public void Transfer(int from, int to, int amount)
    {
        ControlledThread.Yield();
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
