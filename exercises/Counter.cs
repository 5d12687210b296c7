// Exercise "lost-update" (scenario races/lost-update)
//
// Two threads each call Increment() once; afterwards Value must be 2. Explore it and you will see
// schedules where it is 1: count++ reads, adds and writes in separate steps, and the other thread
// can come in between. Make each increment one atomic step.
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~lost-update
// Rules: ordinary C# ('lock', Monitor, Thread, SemaphoreSlim, Interlocked, Volatile, plain fields);
// the grader rewrites it so the explorer controls every step. Timers, channels, files, the network,
// reflection and the console are refused.
using Lab.Scenarios.Races;

namespace Exercises;

/// <summary>A counter shared by two threads.</summary>
public sealed class Counter : ICounter
{
    private int _count;

    /// <summary>Adds one.</summary>
    public void Increment()
    {
        _count++;
    }

    /// <summary>The current count.</summary>
    public int Value => _count;
}
