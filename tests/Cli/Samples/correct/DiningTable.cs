// Sample submission: a correct fix, the lower-numbered fork first.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class DiningTable : IDiningTable
{
    private readonly Lock[] _forks = [new("fork0"), new("fork1"), new("fork2")];

    public void Dine(int seat, Action eat)
    {
        int left = seat, right = (seat + 1) % IDiningTable.Seats;
        using (_forks[Math.Min(left, right)].EnterScope())
        using (_forks[Math.Max(left, right)].EnterScope())
        {
            eat();
        }
    }
}
