// Non-solution: each philosopher takes only the left fork, so no cycle can form, and neighbours share the other.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class DiningTable : IDiningTable
{
    private readonly Lock[] _forks = [new("fork0"), new("fork1"), new("fork2")];

    public void Dine(int seat, Action eat)
    {
        using (_forks[seat].EnterScope())
        {
            eat();
        }
    }
}
