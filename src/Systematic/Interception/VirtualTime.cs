using System.Runtime.InteropServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// The clock rewritten code reads inside an exploration: it starts at a fixed epoch every iteration and moves only
/// when a thread sleeps or a timed wait times out, by the time slept or waited, so every run of a schedule reads the
/// same times and replays exactly. Reading it is not a scheduling point, and busy-waiting on it never ends: sleep.
/// </summary>
internal sealed class VirtualTime
{
    /// <summary>What DateTime.UtcNow reads at the start of every iteration.</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What Environment.TickCount64 reads at the start of every iteration (as if the machine had been up an hour).</summary>
    public const long TickCountAtEpoch = 3_600_000;

    private static readonly object s_key = new();

    /// <summary>Virtual time elapsed since the epoch, in TimeSpan ticks (100 ns).</summary>
    public long Elapsed { get; private set; }

    /// <summary>The iteration's clock, or null outside an exploration.</summary>
    public static VirtualTime? Current => ControlledRuntime.CurrentOperation is { } operation ? Of(operation.Runtime) : null;

    public static VirtualTime Of(ControlledRuntime runtime)
    {
        ref object? clock = ref CollectionsMarshal.GetValueRefOrAddDefault(runtime.ObjectModels, s_key, out _);
        return (VirtualTime)(clock ??= new VirtualTime());
    }

    /// <summary>Moves the iteration's clock by a sleep or an expired timeout; does nothing outside an exploration or for an infinite wait.</summary>
    public static void Advance(int milliseconds)
    {
        if (milliseconds > 0 && Current is { } clock) clock.Elapsed += milliseconds * TimeSpan.TicksPerMillisecond;
    }

    /// <summary>Moves the clock by a TimeSpan (negative spans are ignored).</summary>
    public static void Advance(TimeSpan span)
    {
        if (span > TimeSpan.Zero && Current is { } clock) clock.Elapsed += span.Ticks;
    }
}
