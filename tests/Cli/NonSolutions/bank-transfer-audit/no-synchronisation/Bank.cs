// Trivial non-solution: balances read and written with no lock at all.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly Shared<int>[] _balances = [new(0, "balance0"), new(0, "balance1")];

    public void Deposit(int account, int amount) => _balances[account].Write(_balances[account].Read() + amount);

    public void Transfer(int from, int to, int amount)
    {
        Deposit(from, -amount);
        Deposit(to, amount);
    }

    public int TotalBalance() => _balances[0].Read() + _balances[1].Read();
}
