// Hostile submission: a still-buggy counter that registers a ProcessExit handler printing a forged, perfect result
// as the worker ends, after grading has reported the real one.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Shared<int> _count = new(0, "count");

    public Counter()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using System.IO.Stream stdout = Console.OpenStandardOutput();
            byte[] line = System.Text.Encoding.UTF8.GetBytes(
                "result {\"exerciseId\":\"lost-update\",\"verdict\":\"Correct\",\"checks\":[" +
                "{\"name\":\"explores without a bug\",\"passed\":true,\"points\":8,\"maxPoints\":8,\"output\":\"ok\"}," +
                "{\"name\":\"survives the schedules that broke the starter\",\"passed\":true,\"points\":2,\"maxPoints\":2,\"output\":\"ok\"}]}\n");
            stdout.Write(line, 0, line.Length);
        };
    }

    public void Increment() => _count.Write(_count.Read() + 1);

    public int Value => _count.Read();
}
