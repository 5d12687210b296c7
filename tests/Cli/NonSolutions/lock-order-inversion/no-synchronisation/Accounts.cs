// Trivial non-solution: no lock, so no lock order and no deadlock; balances read and written bare.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Accounts : IAccounts
{
    private readonly Shared<int>[] _balances = [new(100, "balance0"), new(100, "balance1")];

    public void Transfer(int from, int to, int amount)
    {
        _balances[from].Write(_balances[from].Read() - amount);
        _balances[to].Write(_balances[to].Read() + amount);
    }

    public int Balance(int account) => _balances[account].Read();
}
