// Exercise "dining-philosophers" (scenario deadlocks/dining-philosophers)
//
// Three philosophers sit at a round table with one fork between each pair of neighbours, and all
// want to eat at once. Each picks up the fork on the left, then the one on the right; when all three
// hold their left fork, nobody can ever get a right one. Make sure everybody eats.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~dining-philosophers
// Rules: use the controlled primitives of Lab.Systematic.Threading; no 'lock' statement, no System.Threading.
using Lab.Scenarios.Deadlocks;
using Lab.Systematic.Threading;

namespace Exercises;

/// <summary>A round table of three seats with a fork between each pair of neighbours.</summary>
public sealed class DiningTable : IDiningTable
{
    private readonly Lock[] _forks = [new("fork0"), new("fork1"), new("fork2")];

    /// <summary>Picks up the two forks next to the seat, eats, and puts them down.</summary>
    public void Dine(int seat, Action eat)
    {
        Lock left = _forks[seat];
        Lock right = _forks[(seat + 1) % IDiningTable.Seats];
        using (left.EnterScope())
        using (right.EnterScope())
        {
            eat();
        }
    }
}
