using Lab.Cli.Exercises.Async;
using Lab.Cli.Exercises.Contracts;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>
/// Oracles of the async-once exercise: three overlapping callers and a late one share one load's value (no constant,
/// no load per call, no unsynchronised check), and a failed load reaches its caller and is then loaded again.
/// </summary>
public static class AsyncOnceOracles
{
    /// <summary>Three callers overlap on a fresh once, then a fourth calls after them: one load, and every caller gets its value.</summary>
    public static ExerciseOracle SharedByOverlappingCallers { get; } = ExerciseOracle.Of<IAsyncOnce>("one-load-for-all-callers",
        "three callers overlap, then a fourth calls: the loader runs once and all four get its value",
        dfsPreemptionBound: 2, RunShared);

    /// <summary>The first load fails; the caller sees the failure; then two overlapping callers load again, once, and share that value.</summary>
    public static ExerciseOracle FailedLoadIsRetried { get; } = ExerciseOracle.Of<IAsyncOnce>("failed-load-is-retried",
        "the first load fails and its caller sees the failure; two overlapping callers then load once more and both get that value",
        dfsPreemptionBound: 2, RunFailure);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [SharedByOverlappingCallers, FailedLoadIsRetried];

    private static void RunShared(IAsyncOnce once)
    {
        var loader = new CountingLoader(failFirst: false);
        string[] got = Overlapping(once, loader, 3);
        Specification.Assert(loader.Loads == 1, $"the loader ran {loader.Loads} times for three overlapping calls (they got {string.Join(", ", got)}); it must run once");
        Specification.Assert(got.All(g => g == "value-1"), $"three overlapping callers got {string.Join(", ", got)}, expected value-1 each");
        string late = AsyncCalls.Outcome(AsyncCalls.Settle(once.GetAsync(loader.Load)));
        Specification.Assert(late == "value-1" && loader.Loads == 1, $"a call after the load got {late} with {loader.Loads} loads, expected value-1 without loading again");
    }

    private static void RunFailure(IAsyncOnce once)
    {
        var loader = new CountingLoader(failFirst: true);
        string first = AsyncCalls.Outcome(AsyncCalls.Settle(once.GetAsync(loader.Load)));
        Specification.Assert(first == "failed: load 1 failed", $"the call whose load failed got {first}, expected its task to fail with 'load 1 failed'");
        string[] got = Overlapping(once, loader, 2);
        Specification.Assert(loader.Loads == 2 && got.All(g => g == "value-2"),
            $"after a failed load, two overlapping callers got {string.Join(" and ", got)} with {loader.Loads} loads in all, expected value-2 both after exactly one more load");
    }

    /// <summary>What <paramref name="count"/> callers, each on its own thread and all at once, get from <paramref name="once"/>.</summary>
    private static string[] Overlapping(IAsyncOnce once, CountingLoader loader, int count)
    {
        string[] got = new string[count];
        var callers = Enumerable.Range(0, count)
            .Select(i => new ControlledThread(() => got[i] = AsyncCalls.Outcome(AsyncCalls.Settle(once.GetAsync(loader.Load))), $"caller{i + 1}"))
            .ToList();
        callers.ForEach(c => c.Start());
        callers.ForEach(c => c.Join());
        return got;
    }

    /// <summary>A loader whose N-th run yields "value-N" through a controlled task (the first one fails when asked to).</summary>
    private sealed class CountingLoader(bool failFirst)
    {
        public int Loads { get; private set; }

        public Task<string> Load()
        {
            int n = ++Loads;
            return failFirst && n == 1
                ? AsyncCalls.Run(() => throw new InvalidOperationException($"load {n} failed"))
                : AsyncCalls.Run(() => $"value-{n}");
        }
    }
}
