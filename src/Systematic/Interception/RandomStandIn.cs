using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// Stands in for <see cref="Random"/>, so the engine owns the program's randomness inside an exploration. A bounded
/// draw is a choice of the strategy, recorded in the trace and explored like a schedule: Next(max) is
/// ChooseInteger(max), Next(min, max) is min + ChooseInteger(max - min). Unbounded draws (Next(), NextInt64,
/// NextDouble, NextBytes, and Next(min, max) over more than int.MaxValue values) are not explored, which would never
/// end, but drawn from a stream seeded by the Random's seed (else by the order the iteration first used each Random
/// in), so every run of a schedule draws the same values and replays exactly. A subclass of Random keeps its own
/// overrides. Outside an exploration every member is the real one.
/// </summary>
[InterceptsType("System.Random")]
public static class RandomStandIn
{
    /// <summary>Creates a generator (seeded by use order inside an exploration).</summary>
    public static Random New(string callerFile, int callerLine) => new();

    /// <summary>Creates a seeded generator (its unbounded draws use the seed inside an exploration).</summary>
    public static Random New(int seed, string callerFile, int callerLine)
    {
        var random = new Random(seed);
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, random, new SeededStream(new Random(seed)));
        return random;
    }

    /// <summary>The shared generator; inside an exploration its draws are controlled like any other Random's.</summary>
    public static Random get_Shared(string callerFile, int callerLine) => Random.Shared;

    /// <summary>A non-negative int below int.MaxValue: unbounded, so drawn from the deterministic stream inside an exploration.</summary>
    public static int Next(Random random, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation)) return random.Next();
        int value = StreamOf(operation!, random).Next();
        Record(operation!, "Random.Next", callerFile, callerLine, value);
        return value;
    }

    /// <summary>An int in [0, maxValue): a choice of the strategy inside an exploration.</summary>
    public static int Next(Random random, int maxValue, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation)) return random.Next(maxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return Choose(operation!, 0, maxValue, callerFile, callerLine);
    }

    /// <summary>An int in [minValue, maxValue): a choice of the strategy inside an exploration (unless the range is wider than int).</summary>
    public static int Next(Random random, int minValue, int maxValue, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation)) return random.Next(minValue, maxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        long range = (long)maxValue - minValue;
        if (range <= int.MaxValue) return minValue + Choose(operation!, 0, (int)range, callerFile, callerLine);
        int value = StreamOf(operation!, random).Next(minValue, maxValue);
        Record(operation!, "Random.Next", callerFile, callerLine, value);
        return value;
    }

    /// <summary>A non-negative long: drawn from the deterministic stream inside an exploration.</summary>
    public static long NextInt64(Random random, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation)) return random.NextInt64();
        long value = StreamOf(operation!, random).NextInt64();
        Record(operation!, "Random.NextInt64", callerFile, callerLine, value);
        return value;
    }

    /// <summary>A double in [0, 1): drawn from the deterministic stream inside an exploration.</summary>
    public static double NextDouble(Random random, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation)) return random.NextDouble();
        double value = StreamOf(operation!, random).NextDouble();
        Record(operation!, "Random.NextDouble", callerFile, callerLine, null);
        return value;
    }

    /// <summary>Fills the buffer: from the deterministic stream inside an exploration.</summary>
    public static void NextBytes(Random random, byte[] buffer, string callerFile, int callerLine)
    {
        if (!IsControlled(random, out ControlledOperation? operation))
        {
            random.NextBytes(buffer);
            return;
        }
        StreamOf(operation!, random).NextBytes(buffer);
        Record(operation!, "Random.NextBytes", callerFile, callerLine, buffer.Length);
    }

    /// <summary>Inside an exploration, and not a user's subclass with its own overrides (Random.Shared is a subclass of the runtime's).</summary>
    private static bool IsControlled(Random random, out ControlledOperation? operation)
    {
        ArgumentNullException.ThrowIfNull(random);
        operation = ControlledRuntime.CurrentOperation;
        return operation is not null && (random.GetType() == typeof(Random) || ReferenceEquals(random, Random.Shared));
    }

    private static int Choose(ControlledOperation operation, int offset, int count, string file, int line)
    {
        ControlledRuntime runtime = operation.Runtime;
        ControlledRuntime.ThrowIfCanceled(runtime);
        int value = count <= 1 ? 0 : runtime.ChooseInteger(operation, count);
        runtime.Record(operation, "Random.Next", null, file, line, offset + value);
        return offset + value;
    }

    private static void Record(ControlledOperation operation, string action, string file, int line, long? value) =>
        operation.Runtime.Record(operation, action, null, file, line, value);

    /// <summary>The generator's deterministic stream: its own seed, else the order in which the iteration first used it.</summary>
    private static Random StreamOf(ControlledOperation operation, Random random)
    {
        Dictionary<object, object> models = operation.Runtime.ObjectModels;
        if (models.TryGetValue(random, out object? model) && model is SeededStream stream) return stream.Random;
        var created = new SeededStream(new Random(SeedCounter.Next(operation.Runtime)));
        models[random] = created;
        return created.Random;
    }

    private sealed class SeededStream(Random random)
    {
        public Random Random { get; } = random;
    }

    /// <summary>Hands out 1, 2, 3, ... to unseeded generators in the order the iteration first uses them.</summary>
    private sealed class SeedCounter
    {
        private static readonly object s_key = new();
        private int _next;

        public static int Next(ControlledRuntime runtime)
        {
            if (!runtime.ObjectModels.TryGetValue(s_key, out object? counter)) runtime.ObjectModels[s_key] = counter = new SeedCounter();
            return ++((SeedCounter)counter)._next;
        }
    }
}
