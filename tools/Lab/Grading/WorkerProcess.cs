using System.Diagnostics;

namespace Lab.Cli.Grading;

/// <summary>
/// Runs <c>lab</c> as a child process under a time limit and kills its whole process tree when the limit passes.
/// The limit counts processor time, so a busy machine (other workers, other users) does not fail a correct
/// submission; a wall-clock backstop catches a child that waits forever without computing.
/// </summary>
public static class WorkerProcess
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The wall-clock time a child may take when its processor-time limit is <paramref name="cpuLimit"/>.</summary>
    public static TimeSpan WallClockBackstop(TimeSpan cpuLimit) => cpuLimit * 3 + TimeSpan.FromSeconds(10);

    /// <summary>Runs <c>lab &lt;arguments&gt;</c>, killing it after <paramref name="cpuLimit"/> of processor time (or the backstop).</summary>
    public static WorkerOutcome Run(IReadOnlyList<string> arguments, TimeSpan cpuLimit)
    {
        (string fileName, IReadOnlyList<string> leading) = LabExecutable.Resolve();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in leading.Concat(arguments)) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        TimeSpan cpu = TimeSpan.Zero, backstop = WallClockBackstop(cpuLimit);
        bool timedOut = false;
        while (!process.WaitForExit(PollInterval))
        {
            cpu = CpuTimeOf(process) ?? cpu;
            if (cpu <= cpuLimit && clock.Elapsed <= backstop) continue;
            timedOut = true;
            process.Kill(entireProcessTree: true);
            break;
        }
        process.WaitForExit();
        return new WorkerOutcome(timedOut ? null : process.ExitCode, timedOut, output.Result, error.Result, clock.Elapsed, CpuTimeOf(process) ?? cpu);
    }

    /// <summary>The processor time <paramref name="process"/> has used, or null once it can no longer be read.</summary>
    private static TimeSpan? CpuTimeOf(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
