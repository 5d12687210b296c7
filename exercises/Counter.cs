// Exercise "lost-update" (scenario races/lost-update)
//
// Two threads each call Increment() once; afterwards Value must be 2. Explore it and you will see
// schedules where it is 1: count++ reads, adds and writes in separate steps, and the other thread
// can come in between. Make each increment one atomic step.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~lost-update
// Rules: use the controlled primitives of Lab.Systematic.Threading (Lock with 'using (x.EnterScope())',
// Shared<T>, Interlocked, ...); the 'lock' statement and System.Threading are invisible to the explorer.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

/// <summary>A counter shared by two threads.</summary>
public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    /// <summary>Adds one.</summary>
    public void Increment()
    {
        int seen = _count.Read();
        _count.Write(seen + 1);
    }

    /// <summary>The current count.</summary>
    public int Value => _count.Read();
}
