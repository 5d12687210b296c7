using System.Diagnostics;

namespace Lab.Cli.Grading;

/// <summary>
/// Runs <c>lab</c> as a child process under a time limit and kills its whole process tree when the limit passes.
/// The limit counts processor time (of every process in the worker's control group where there is one, see
/// <see cref="WorkerCgroup"/>), so a busy machine (other workers, other users) does not fail a correct
/// submission; a wall-clock backstop catches a child that waits forever without computing. Its output is read
/// without waiting for the streams to end, so a grandchild that keeps them open cannot stall grading.
/// </summary>
public static class WorkerProcess
{
    /// <summary>The most characters kept of a child's stdout and of its stderr.</summary>
    public const int OutputCapacity = 1024 * 1024;

    /// <summary>How long the streams may stay open after the child ended before the grader stops waiting for them.</summary>
    public static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The wall-clock time a child may take when its processor-time limit is <paramref name="cpuLimit"/>: generous, since a loaded machine lends a worker a small share of a core.</summary>
    public static TimeSpan WallClockBackstop(TimeSpan cpuLimit) => cpuLimit * 5 + TimeSpan.FromSeconds(30);

    /// <summary>The processor time a worker may spend starting and compiling before its submission runs, when the run's own limit is <paramref name="cpuLimit"/>.</summary>
    public static TimeSpan CompileLimit(TimeSpan cpuLimit) => cpuLimit > TimeSpan.FromSeconds(30) ? cpuLimit : TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <c>lab &lt;arguments&gt;</c>, killing it after <paramref name="cpuLimit"/> of processor time (or the backstop).
    /// <paramref name="input"/> is written to its stdin (then closed); with <paramref name="resultPipe"/> the child
    /// gets <c>--result-pipe &lt;handle&gt;</c> and its messages on that pipe are returned, and the limit counts from
    /// its <see cref="WorkerChannel.Running"/> phase (start-up and compiling have <see cref="CompileLimit"/>).
    /// </summary>
    public static WorkerOutcome Run(
        IReadOnlyList<string> arguments, TimeSpan cpuLimit, string? input = null, bool resultPipe = false,
        Func<string, IReadOnlyList<string>, (string FileName, IReadOnlyList<string> Arguments)>? wrap = null)
    {
        (string fileName, IReadOnlyList<string> leading) = LabExecutable.Resolve();
        IReadOnlyList<string> all = [.. leading, .. arguments];
        if (wrap is not null) (fileName, all) = wrap(fileName, all);
        // A wrapped (sandboxed) worker also gets control groups where the machine allows: limits, and processor time
        // that counts the sandboxed grandchild.
        using WorkerCgroup? cgroup = wrap is null ? null : WorkerCgroup.TryCreate();
        if (cgroup is not null) (fileName, all) = cgroup.Wrap(fileName, all);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in all) start.ArgumentList.Add(argument);
        using ResultPipe? pipe = resultPipe ? new ResultPipe() : null;
        var clock = Stopwatch.StartNew();
        Process process;
        lock (ResultPipe.StartGate)
        {
            if (pipe is not null)
            {
                start.ArgumentList.Add("--result-pipe");
                start.ArgumentList.Add(pipe.ClientHandle);
            }
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
            pipe?.WorkerStarted();
        }
        using (process)
        {
            var output = new OutputCapture(process.StandardOutput, OutputCapacity);
            var error = new OutputCapture(process.StandardError, OutputCapacity);
            Feed(process, input);
            TimeSpan cpu = TimeSpan.Zero, compileLimit = pipe is null ? TimeSpan.Zero : CompileLimit(cpuLimit);
            TimeSpan backstop = WallClockBackstop(cpuLimit + compileLimit);
            TimeSpan? runningSince = pipe is null ? TimeSpan.Zero : null;
            bool timedOut = false;
            while (!process.WaitForExit(PollInterval))
            {
                cpu = cgroup?.ProcessorTime ?? CpuTimeOf(process) ?? cpu;
                if (runningSince is null && pipe!.Messages(TimeSpan.Zero).Contains(WorkerChannel.PhasePrefix + WorkerChannel.Running)) runningSince = cpu;
                bool overLimit = runningSince is { } since ? cpu - since > cpuLimit : cpu > compileLimit;
                if (!overLimit && clock.Elapsed <= backstop) continue;
                timedOut = true;
                Kill(process);
                break;
            }
            process.WaitForExit(DrainPatience);
            TimeSpan elapsed = clock.Elapsed;
            IReadOnlyList<string> messages = pipe?.Messages(DrainPatience) ?? [];
            string stdout = output.Text(DrainPatience), stderr = error.Text(DrainPatience);
            int? exitCode = timedOut || !process.HasExited ? null : process.ExitCode;
            return new WorkerOutcome(exitCode, timedOut, stdout, stderr, elapsed, cgroup?.ProcessorTime ?? CpuTimeOf(process) ?? cpu) { Messages = messages };
        }
    }

    /// <summary>Writes the input and closes stdin; a child that exits without reading it is not an error.</summary>
    private static void Feed(Process process, string? input)
    {
        try
        {
            if (input is not null) process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child closed its stdin (or died) before reading everything: its outcome says why.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
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
