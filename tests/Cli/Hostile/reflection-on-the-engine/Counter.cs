// Hostile submission: a buggy counter that reaches the engine's private state by reflection to stop exploring.
using System.Reflection;
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    public void Increment()
    {
        Type runtime = typeof(Shared<int>).Assembly.GetType("Lab.Systematic.Runtime.ControlledRuntime")!;
        foreach (FieldInfo field in runtime.GetFields(BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance))
        {
            if (field.FieldType == typeof(bool)) field.SetValue(null, true);
        }
        _count.Write(_count.Read() + 1);
    }

    public int Value => _count.Read();
}
