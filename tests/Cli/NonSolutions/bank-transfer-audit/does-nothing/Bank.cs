// Trivial non-solution: a bank that keeps no money cannot be caught mid-transfer.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Bank : IBank
{
    public void Deposit(int account, int amount)
    {
    }

    public void Transfer(int from, int to, int amount)
    {
    }

    public int TotalBalance() => 0;
}
