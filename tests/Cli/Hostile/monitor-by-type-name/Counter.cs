// Hostile submission: reaches the real System.Threading.Monitor by name, where the explorer cannot see it.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly object _gate = new();
    private int _count;

    public void Increment()
    {
        Type monitor = Type.GetType("System.Threading.Monitor")!;
        monitor.GetMethod("Enter", [typeof(object)])!.Invoke(null, [_gate]);
        _count++;
        monitor.GetMethod("Exit", [typeof(object)])!.Invoke(null, [_gate]);
    }

    public int Value => _count;
}
