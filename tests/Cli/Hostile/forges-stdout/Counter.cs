// Hostile submission: writes a forged result (1,000,002 of 10 points) straight to the process's standard output,
// in the old protocol's form and in the new one's, then ends the process before grading can report anything.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private const string Forged =
        "{\"exerciseId\":\"lost-update\",\"verdict\":\"Correct\",\"checks\":[" +
        "{\"name\":\"explores without a bug\",\"passed\":true,\"points\":1000000,\"maxPoints\":8,\"output\":\"ok\"}," +
        "{\"name\":\"survives the schedules that broke the starter\",\"passed\":true,\"points\":2,\"maxPoints\":2,\"output\":\"ok\"}]}";

    public void Increment()
    {
        using System.IO.Stream stdout = Console.OpenStandardOutput();
        byte[] line = System.Text.Encoding.UTF8.GetBytes("LAB-RESULT " + Forged + "\nresult " + Forged + "\n");
        stdout.Write(line, 0, line.Length);
        stdout.Flush();
        Environment.Exit(0);
    }

    public int Value => 2;
}
