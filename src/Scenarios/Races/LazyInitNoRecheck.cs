using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Races;

/// <summary>A lazily created singleton.</summary>
public interface ILazySingleton
{
    /// <summary>Returns the instance, creating it with <paramref name="create"/> on first use; it is created once only.</summary>
    object GetInstance(Func<object> create);
}

/// <summary>Two threads ask for the singleton at once; it must be built once.</summary>
public sealed class LazyInitNoRecheck : Scenario<ILazySingleton, LazyInitNoRecheck.Buggy, LazyInitNoRecheck.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/lazy-init-no-recheck";

    /// <inheritdoc />
    public override string Title => "Lazy initialisation without the inner re-check";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Double-checked locking without the second check: both threads see null outside the lock, then take\n" +
        "the lock one after the other and each builds an instance; two singletons exist.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Check again once the lock is held, and build only if the instance is still missing (publishing it with\n" +
        "Volatile.Write and reading it with Volatile.Read, so the lock-free fast path is safe too).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "the instance was built exactly once and both callers got it";

    /// <summary>Every lock, volatile access and field write is a scheduling point: DFS is bounded to schedules with at most 3 preemptions (about 1,600 schedules).</summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override void Run(ILazySingleton lazy)
    {
        int builds = 0;
        object Create() => new Instance(Interlocked.Increment(ref builds));
        object? seenByFirst = null, seenBySecond = null;
        var first = new Thread(() => seenByFirst = lazy.GetInstance(Create)) { Name = "T1" };
        var second = new Thread(() => seenBySecond = lazy.GetInstance(Create)) { Name = "T2" };
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Specification.Assert(builds == 1, $"the singleton was built {builds} times, expected once");
        Specification.Assert(ReferenceEquals(seenByFirst, seenBySecond), $"T1 got {seenByFirst} and T2 got {seenBySecond}: two singletons");
    }

    private sealed record Instance(int Number)
    {
        public override string ToString() => $"instance #{Number}";
    }

    /// <summary>Checks outside the lock only.</summary>
    public sealed class Buggy : ILazySingleton
    {
        private readonly object _gate = new();
        private object? _instance;

        /// <inheritdoc />
        public object GetInstance(Func<object> create)
        {
            if (Volatile.Read(ref _instance) is null)
            {
                lock (_gate)
                {
                    Volatile.Write(ref _instance, create());
                }
            }
            return Volatile.Read(ref _instance)!;
        }
    }

    /// <summary>Checks outside the lock, and again inside it.</summary>
    public sealed class Fixed : ILazySingleton
    {
        private readonly object _gate = new();
        private object? _instance;

        /// <inheritdoc />
        public object GetInstance(Func<object> create)
        {
            object? instance = Volatile.Read(ref _instance);
            if (instance is not null) return instance;
            lock (_gate)
            {
                instance = Volatile.Read(ref _instance);
                if (instance is null)
                {
                    instance = create();
                    Volatile.Write(ref _instance, instance);
                }
                return instance;
            }
        }
    }
}
