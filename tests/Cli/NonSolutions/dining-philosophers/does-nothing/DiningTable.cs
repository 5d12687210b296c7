// Trivial non-solution: nobody eats, so nobody waits.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

public sealed class DiningTable : IDiningTable
{
    public void Dine(int seat, Action eat)
    {
    }
}
