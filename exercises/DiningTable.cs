// Exercise "dining-philosophers" (scenario deadlocks/dining-philosophers)
//
// Three philosophers sit at a round table with one fork between each pair of neighbours, and all
// want to eat at once. Each picks up the fork on the left, then the one on the right; when all three
// hold their left fork, nobody can ever get a right one. Make sure everybody eats.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~dining-philosophers
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using Lab.Scenarios.Deadlocks;

namespace Exercises;

/// <summary>A round table of three seats with a fork between each pair of neighbours.</summary>
public sealed class DiningTable : IDiningTable
{
    private readonly object[] _forks = [new(), new(), new()];

    /// <summary>Picks up the two forks next to the seat, eats, and puts them down.</summary>
    public void Dine(int seat, Action eat)
    {
        object left = _forks[seat];
        object right = _forks[(seat + 1) % IDiningTable.Seats];
        lock (left)
        lock (right)
        {
            eat();
        }
    }
}
