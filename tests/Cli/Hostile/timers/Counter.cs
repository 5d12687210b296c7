// Hostile submission: increments later, from a System.Timers.Timer thread.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment()
    {
        var timer = new System.Timers.Timer(1) { AutoReset = false };
        timer.Elapsed += (_, _) => _count++;
        timer.Start();
    }

    public int Value => _count;
}
