// Sample submission: a correct fix, the lower-numbered fork first.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

public sealed class DiningTable : IDiningTable
{
    private readonly object[] _forks = [new(), new(), new()];

    public void Dine(int seat, Action eat)
    {
        int left = seat, right = (seat + 1) % IDiningTable.Seats;
        lock (_forks[Math.Min(left, right)])
        lock (_forks[Math.Max(left, right)])
        {
            eat();
        }
    }
}
