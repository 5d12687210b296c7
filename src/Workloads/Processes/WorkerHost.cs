using System.Text;
using System.Text.Json;
using Lab.Workloads.Gil;

namespace Lab.Workloads.Processes;

/// <summary>
/// The worker side of the pool: one JSON request per line in, one JSON response per line out, until input closes.
/// Exceptions thrown by items are deliberately not caught: the worker dies, and the pool, its supervisor, decides what happens next.
/// </summary>
public static class WorkerHost
{
    /// <summary>Serves requests over this process's standard streams, keeping stray console output off the protocol stream.</summary>
    public static int ServeStandardStreams()
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), encoding);
        using var output = new StreamWriter(Console.OpenStandardOutput(), encoding) { AutoFlush = false };
        Console.SetOut(Console.Error);
        Serve(input, output);
        return 0;
    }

    /// <summary>
    /// Announces readiness, then answers each request line until <paramref name="input"/> ends; while an item runs it
    /// writes <see cref="WorkerHeartbeat.Line"/> every <see cref="WorkerHeartbeat.Interval"/>, so the pool can tell it from a stopped worker.
    /// </summary>
    public static void Serve(TextReader input, TextWriter output)
    {
        var gate = new object();
        using var heartbeat = new Timer(_ => WriteLine(output, WorkerHeartbeat.Line, gate), null, Timeout.Infinite, Timeout.Infinite);
        WriteLine(output, JsonSerializer.Serialize(new WorkerReady(Environment.ProcessId), WorkerProtocolJson.Default.WorkerReady), gate);
        while (input.ReadLine() is { } line)
        {
            TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
            WorkRequest request = JsonSerializer.Deserialize(line, WorkerProtocolJson.Default.WorkRequest)
                ?? throw new InvalidDataException("The pool sent an empty request.");
            heartbeat.Change(WorkerHeartbeat.Interval, WorkerHeartbeat.Interval);
            double value = request.Item.Run(NoInterpreterLock.Instance);
            heartbeat.Change(Timeout.Infinite, Timeout.Infinite);
            double cpuMilliseconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds;
            var response = new WorkResponse(request.Id, value, cpuMilliseconds);
            WriteLine(output, JsonSerializer.Serialize(response, WorkerProtocolJson.Default.WorkResponse), gate);
        }
    }

    private static void WriteLine(TextWriter output, string line, object gate)
    {
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
