using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Testing;

namespace Lab.Scenarios.MemoryModel;

/// <summary>
/// The store-buffering litmus test (Dekker's core): two flags x and y, both 0. <see cref="Left"/> stores x = 1 and
/// loads y; <see cref="Right"/> stores y = 1 and loads x. Each method is called once, on its own thread.
/// </summary>
public interface IStoreBufferingLitmus
{
    /// <summary>Stores x = 1, then returns the value it loads from y (r1).</summary>
    int Left();

    /// <summary>Stores y = 1, then returns the value it loads from x (r2).</summary>
    int Right();
}

/// <summary>
/// Under sequential consistency one of the two stores comes first, so r1 = r2 = 0 is impossible; real processors
/// buffer stores and can show it. Systematic exploration assumes sequential consistency, so this one is stress-only.
/// </summary>
public sealed class StoreBuffering : Scenario<IStoreBufferingLitmus, StoreBuffering.Buggy, StoreBuffering.Fixed>
{
    /// <inheritdoc />
    public override string Id => "memory-model/store-buffering";

    /// <inheritdoc />
    public override string Title => "Store buffering (r1 = r2 = 0)";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.MemoryModel;

    /// <inheritdoc />
    public override string BugExplanation =>
        "Each thread's store sits in its core's store buffer while its load already reads the other flag from memory:\n" +
        "both loads see 0. Volatile does not prevent this (a release store may pass a later acquire load).";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Put a full fence, Interlocked.MemoryBarrier(), between the store and the load (or use Interlocked.Exchange\n" +
        "for the store): the store is drained before the load, so at least one thread sees the other's 1.";

    /// <summary>The bug a weak-memory checker would report; the SC exploration here never finds it.</summary>
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "not (r1 == 0 and r2 == 0); counted over many real runs, since SC exploration cannot produce it";

    /// <inheritdoc />
    public override bool IsSystematic => false;

    /// <summary>Small and exhaustive: DFS covers every SC interleaving of the four accesses.</summary>
    public override ExplorationOptions Budget => StandardBudget.WithIterations(100);

    /// <inheritdoc />
    protected override void Run(IStoreBufferingLitmus litmus)
    {
        int r1 = -1, r2 = -1;
        var left = new Thread(() => r1 = litmus.Left()) { Name = "left" };
        var right = new Thread(() => r2 = litmus.Right()) { Name = "right" };
        left.Start();
        right.Start();
        left.Join();
        right.Join();
        Specification.Assert(r1 != 0 || r2 != 0, "r1 = r2 = 0: each load was performed before the other thread's store became visible");
    }

    /// <summary>Volatile stores and loads, no fence: store-load reordering is still allowed.</summary>
    public sealed class Buggy : IStoreBufferingLitmus
    {
        private int _x;
        private int _y;

        /// <inheritdoc />
        public int Left()
        {
            Volatile.Write(ref _x, 1);
            return Volatile.Read(ref _y);
        }

        /// <inheritdoc />
        public int Right()
        {
            Volatile.Write(ref _y, 1);
            return Volatile.Read(ref _x);
        }
    }

    /// <summary>A full fence between each store and the following load.</summary>
    public sealed class Fixed : IStoreBufferingLitmus
    {
        private int _x;
        private int _y;

        /// <inheritdoc />
        public int Left()
        {
            Volatile.Write(ref _x, 1);
            Interlocked.MemoryBarrier();
            return Volatile.Read(ref _y);
        }

        /// <inheritdoc />
        public int Right()
        {
            Volatile.Write(ref _y, 1);
            Interlocked.MemoryBarrier();
            return Volatile.Read(ref _x);
        }
    }
}
