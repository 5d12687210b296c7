// Hostile submission: copies the honest student's file and the environment.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly string _stolen = System.IO.File.ReadAllText("../honest/Counter.cs") + Environment.GetEnvironmentVariable("HOME");
    private int _count;

    public void Increment() => _count++;

    public int Value => _count + _stolen.Length * 0;
}
