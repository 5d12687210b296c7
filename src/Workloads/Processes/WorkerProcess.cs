using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Lab.Workloads.Processes;

/// <summary>The pool's handle on one live worker process: its pipes, its start-up handshake and its exit.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int ErrorTailLines = 40;
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process _process;
    private readonly long _launchTimestamp;
    private readonly LineTail _errorTail = new(ErrorTailLines);
    private int _disposed;
    private Task<string?>? _pendingRead;
    private string? _killReason;

    private WorkerProcess(Process process, long launchTimestamp)
    {
        _process = process;
        _launchTimestamp = launchTimestamp;
        ProcessId = process.Id;
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the process with redirected pipes; it is not usable until <see cref="WaitUntilReady"/> returns.</summary>
    public static WorkerProcess Launch(WorkerLaunch launch)
    {
        var startInfo = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8WithoutBom,
            StandardOutputEncoding = Utf8WithoutBom,
            StandardErrorEncoding = Utf8WithoutBom,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in launch.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        long launchTimestamp = Stopwatch.GetTimestamp();
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new WorkerStartException($"Starting '{launch}' returned no process.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new WorkerStartException($"Cannot start worker '{launch}': {exception.Message}", exception);
        }

        var worker = new WorkerProcess(process, launchTimestamp);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                worker._errorTail.Add(line.Data);
            }
        };
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Blocks until the worker's ready line arrives and returns the time since launch, its start-up cost.</summary>
    public TimeSpan WaitUntilReady()
    {
        string? line = ReadLineOrNull();
        WorkerReady? ready = line is null ? null : TryParse(line, WorkerProtocolJson.Default.WorkerReady);
        if (ready is null)
        {
            Kill();
            WorkerExit exit = CollectExit();
            throw new WorkerStartException(
                $"Worker pid {ProcessId} did not announce itself (exit code {exit.ExitCode}): {exit.Headline}");
        }

        return Stopwatch.GetElapsedTime(_launchTimestamp);
    }

    /// <summary>
    /// Sends one request and waits for its answer, skipping heartbeats; returns null if the worker died or broke the
    /// protocol meanwhile, or was killed for running past <paramref name="timeLimit"/> or staying silent (no
    /// heartbeat) for longer than <paramref name="heartbeatTimeout"/>.
    /// </summary>
    public WorkResponse? TryRoundTrip(WorkRequest request, Action onSent, TimeSpan timeLimit, TimeSpan heartbeatTimeout)
    {
        try
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerProtocolJson.Default.WorkRequest));
            _process.StandardInput.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }

        onSent();
        long deadline = Stopwatch.GetTimestamp() + (long)(timeLimit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            TimeSpan left = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            TimeSpan wait = left < heartbeatTimeout ? left : heartbeatTimeout;
            string? line;
            switch (ReadLineWithin(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, out line))
            {
                case false when left <= heartbeatTimeout:
                    KillBecause($"the pool killed it: the item ran past its time limit of {timeLimit.TotalSeconds:0.###} s");
                    return null;
                case false:
                    KillBecause($"the pool killed it: no heartbeat for {heartbeatTimeout.TotalSeconds:0.###} s (stopped or hung)");
                    return null;
            }

            if (line == WorkerHeartbeat.Line)
            {
                continue;
            }

            WorkResponse? response = line is null ? null : TryParse(line, WorkerProtocolJson.Default.WorkResponse);
            if (response is null || response.Id != request.Id)
            {
                Kill();
                return null;
            }

            return response;
        }
    }

    /// <summary>False when no line arrived within <paramref name="wait"/>; true with the line (null at end of stream) otherwise.</summary>
    private bool ReadLineWithin(TimeSpan wait, out string? line)
    {
        line = null;
        Task<string?> read;
        try
        {
            read = _pendingRead ??= _process.StandardOutput.ReadLineAsync();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return true;
        }

        try
        {
            if (!read.Wait(wait))
            {
                return false;
            }
        }
        catch (AggregateException)
        {
            // The stream broke: the worker is gone, which the caller reads as a null line.
        }

        _pendingRead = null;
        line = read.IsCompletedSuccessfully ? read.Result : null;
        return true;
    }

    private void KillBecause(string reason)
    {
        _killReason = reason;
        Kill();
    }

    /// <summary>Waits for the (dead or dying) process to end and reports how it ended.</summary>
    public WorkerExit CollectExit()
    {
        _process.WaitForExit();
        return new WorkerExit(ProcessId, _process.ExitCode, _errorTail.Snapshot()) { KillReason = _killReason };
    }

    /// <summary>Asks the worker to stop by closing its input; it exits when it has finished its current item.</summary>
    public void RequestStop()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe is already broken, which means the worker is already gone: nothing left to ask.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Ends the process and anything it started, at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Kill throws when the process has already exited, which is the state we want.
        }
    }

    /// <summary>Stops the worker: kills it unless it has already exited, then releases the handle.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            Kill();
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private string? ReadLineOrNull()
    {
        try
        {
            return _process.StandardOutput.ReadLine();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static T? TryParse<T>(string line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(line, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
