// Over-serialised: one bank-wide lock, with a read of a shared field before it so the deposits' steps interleave.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly Lock _bank = new("bank-lock");
    private readonly Shared<int> _deposits = new(0, "deposits");
    private readonly int[] _balances = new int[2];

    public void Deposit(int account, int amount)
    {
        _ = _deposits.Read();
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
