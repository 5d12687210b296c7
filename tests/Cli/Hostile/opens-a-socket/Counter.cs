// Hostile submission: opens a TCP connection from inside the grader.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private int _count;

    public void Increment()
    {
        using var client = new System.Net.Sockets.TcpClient();
        client.Connect("127.0.0.1", 80);
        _count++;
    }

    public int Value => _count;
}
