using System.Diagnostics;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>Stands in for <see cref="DateTime"/>'s clock: inside an exploration it reads virtual time (see <see cref="VirtualTime"/>).</summary>
[InterceptsType("System.DateTime")]
public static class DateTimeStandIn
{
    /// <summary>The virtual epoch plus the virtual time elapsed, in UTC.</summary>
    public static DateTime get_UtcNow(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? VirtualTime.Epoch.AddTicks(clock.Elapsed) : DateTime.UtcNow;

    /// <summary>Like <see cref="get_UtcNow"/>, as local time; inside an exploration the local zone is UTC, so runs do not depend on the machine.</summary>
    public static DateTime get_Now(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? DateTime.SpecifyKind(VirtualTime.Epoch.AddTicks(clock.Elapsed), DateTimeKind.Local) : DateTime.Now;

    /// <summary>The date of <see cref="get_Now"/>.</summary>
    public static DateTime get_Today(string callerFile, int callerLine) =>
        VirtualTime.Current is not null ? get_Now(callerFile, callerLine).Date : DateTime.Today;
}

/// <summary>Stands in for <see cref="DateTimeOffset"/>'s clock: inside an exploration it reads virtual time at offset zero.</summary>
[InterceptsType("System.DateTimeOffset")]
public static class DateTimeOffsetStandIn
{
    /// <summary>The virtual time in UTC.</summary>
    public static DateTimeOffset get_UtcNow(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? new DateTimeOffset(VirtualTime.Epoch.AddTicks(clock.Elapsed)) : DateTimeOffset.UtcNow;

    /// <summary>The virtual time at offset zero.</summary>
    public static DateTimeOffset get_Now(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? new DateTimeOffset(VirtualTime.Epoch.AddTicks(clock.Elapsed)) : DateTimeOffset.Now;
}

/// <summary>Stands in for <see cref="Environment"/>'s tick counts: inside an exploration they read virtual time.</summary>
[InterceptsType("System.Environment")]
public static class EnvironmentStandIn
{
    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static int get_TickCount(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? unchecked((int)VirtualMilliseconds(clock)) : Environment.TickCount;

    /// <summary>Milliseconds since a virtual boot, an hour before the epoch.</summary>
    public static long get_TickCount64(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? VirtualMilliseconds(clock) : Environment.TickCount64;

    private static long VirtualMilliseconds(VirtualTime clock) => VirtualTime.TickCountAtEpoch + clock.Elapsed / TimeSpan.TicksPerMillisecond;
}

/// <summary>
/// Stands in for <see cref="Stopwatch"/>: inside an exploration a stopwatch measures virtual time, so measured
/// durations are the sleeps and time-outs of the schedule and repeat exactly. A stopwatch created outside and read
/// inside counts from the iteration's start if it was running.
/// </summary>
[InterceptsType("System.Diagnostics.Stopwatch")]
public static class StopwatchStandIn
{
    /// <summary>Creates a stopped stopwatch.</summary>
    public static Stopwatch New(string callerFile, int callerLine)
    {
        var stopwatch = new Stopwatch();
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, stopwatch, new VirtualStopwatch(running: false, VirtualTime.Of(runtime)));
        return stopwatch;
    }

    /// <summary>Creates a running stopwatch.</summary>
    public static Stopwatch StartNew(string callerFile, int callerLine)
    {
        if (ControlledRuntime.Current is not { } runtime) return Stopwatch.StartNew();
        var stopwatch = new Stopwatch();
        ObjectModels.Add(runtime, stopwatch, new VirtualStopwatch(running: true, VirtualTime.Of(runtime)));
        return stopwatch;
    }

    /// <summary>Starts or resumes measuring.</summary>
    public static void Start(Stopwatch stopwatch, string callerFile, int callerLine)
    {
        if (ModelOf(stopwatch) is { } model) model.Start();
        else stopwatch.Start();
    }

    /// <summary>Stops measuring.</summary>
    public static void Stop(Stopwatch stopwatch, string callerFile, int callerLine)
    {
        if (ModelOf(stopwatch) is { } model) model.Stop();
        else stopwatch.Stop();
    }

    /// <summary>Stops and zeroes the stopwatch.</summary>
    public static void Reset(Stopwatch stopwatch, string callerFile, int callerLine)
    {
        if (ModelOf(stopwatch) is { } model) model.Reset(running: false);
        else stopwatch.Reset();
    }

    /// <summary>Zeroes the stopwatch and starts it.</summary>
    public static void Restart(Stopwatch stopwatch, string callerFile, int callerLine)
    {
        if (ModelOf(stopwatch) is { } model) model.Reset(running: true);
        else stopwatch.Restart();
    }

    /// <summary>Whether the stopwatch is measuring.</summary>
    public static bool get_IsRunning(Stopwatch stopwatch, string callerFile, int callerLine) => ModelOf(stopwatch)?.IsRunning ?? stopwatch.IsRunning;

    /// <summary>The time measured.</summary>
    public static TimeSpan get_Elapsed(Stopwatch stopwatch, string callerFile, int callerLine) =>
        ModelOf(stopwatch) is { } model ? TimeSpan.FromTicks(model.ElapsedTicks) : stopwatch.Elapsed;

    /// <summary>The time measured, in whole milliseconds.</summary>
    public static long get_ElapsedMilliseconds(Stopwatch stopwatch, string callerFile, int callerLine) =>
        ModelOf(stopwatch) is { } model ? model.ElapsedTicks / TimeSpan.TicksPerMillisecond : stopwatch.ElapsedMilliseconds;

    /// <summary>The time measured, in <see cref="Stopwatch.Frequency"/> ticks.</summary>
    public static long get_ElapsedTicks(Stopwatch stopwatch, string callerFile, int callerLine) =>
        ModelOf(stopwatch) is { } model ? ToTimestamp(model.ElapsedTicks) : stopwatch.ElapsedTicks;

    /// <summary>The current timestamp, in <see cref="Stopwatch.Frequency"/> ticks since a virtual boot.</summary>
    public static long GetTimestamp(string callerFile, int callerLine) =>
        VirtualTime.Current is { } clock ? ToTimestamp(VirtualTime.TickCountAtEpoch * TimeSpan.TicksPerMillisecond + clock.Elapsed) : Stopwatch.GetTimestamp();

    /// <summary>The time since a timestamp taken with <see cref="GetTimestamp"/>.</summary>
    public static TimeSpan GetElapsedTime(long startingTimestamp, string callerFile, int callerLine) =>
        VirtualTime.Current is null
            ? Stopwatch.GetElapsedTime(startingTimestamp)
            : Stopwatch.GetElapsedTime(startingTimestamp, GetTimestamp(callerFile, callerLine));

    private static long ToTimestamp(long timeSpanTicks) => (long)(timeSpanTicks * ((double)Stopwatch.Frequency / TimeSpan.TicksPerSecond));

    private static VirtualStopwatch? ModelOf(Stopwatch stopwatch)
    {
        ArgumentNullException.ThrowIfNull(stopwatch);
        if (ControlledRuntime.CurrentOperation is not { } operation) return null;
        Dictionary<object, object> models = operation.Runtime.ObjectModels;
        if (models.TryGetValue(stopwatch, out object? model) && model is VirtualStopwatch existing) return existing;
        var created = new VirtualStopwatch(stopwatch.IsRunning, VirtualTime.Of(operation.Runtime), startedAtIterationStart: true);
        models[stopwatch] = created;
        return created;
    }

    /// <summary>A stopwatch over virtual time: what has been measured, and since when it has been running.</summary>
    private sealed class VirtualStopwatch
    {
        private readonly VirtualTime _clock;
        private long _accumulated;
        private long _startedAt;

        public VirtualStopwatch(bool running, VirtualTime clock, bool startedAtIterationStart = false)
        {
            _clock = clock;
            IsRunning = running;
            _startedAt = startedAtIterationStart ? 0 : clock.Elapsed;
        }

        public bool IsRunning { get; private set; }

        public long ElapsedTicks => _accumulated + (IsRunning ? _clock.Elapsed - _startedAt : 0);

        public void Start()
        {
            if (IsRunning) return;
            IsRunning = true;
            _startedAt = _clock.Elapsed;
        }

        public void Stop()
        {
            if (!IsRunning) return;
            _accumulated += _clock.Elapsed - _startedAt;
            IsRunning = false;
        }

        public void Reset(bool running)
        {
            _accumulated = 0;
            IsRunning = running;
            _startedAt = _clock.Elapsed;
        }
    }
}
