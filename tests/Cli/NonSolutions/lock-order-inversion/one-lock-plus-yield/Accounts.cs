// Over-serialised: one lock for both accounts (no order to get wrong), with a Yield before it.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Accounts : IAccounts
{
    private readonly Lock _all = new("all-accounts");
    private readonly int[] _balances = [100, 100];

    public void Transfer(int from, int to, int amount)
    {
        using (_all.EnterScope())
        {
            _balances[from] -= amount;
            _balances[to] += amount;
        }
    }

    public int Balance(int account)
    {
        ControlledThread.Yield();
        using (_all.EnterScope())
        {
            return _balances[account];
        }
    }
}
