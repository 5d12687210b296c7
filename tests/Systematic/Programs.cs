using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests;

/// <summary>Small programs the engine's tests explore; each is written so its expected outcome can be reasoned out.</summary>
internal static class Programs
{
    /// <summary>Two threads do <c>count++</c> as a read and a write; the final count must be 2.</summary>
    public static void LostUpdate()
    {
        var count = new Shared<int>(0, "count");
        void Increment() => count.Write(count.Read() + 1);
        var t1 = new ControlledThread(Increment);
        var t2 = new ControlledThread(Increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Specification.Assert(count.Read() == 2, $"count is {count.Read()}, expected 2: an increment was lost");
    }

    /// <summary>The same increments under a lock: correct.</summary>
    public static void LockedIncrement()
    {
        var count = new Shared<int>(0, "count");
        var gate = new Lock("gate");
        void Increment()
        {
            using (gate.EnterScope()) count.Write(count.Read() + 1);
        }
        var t1 = new ControlledThread(Increment);
        var t2 = new ControlledThread(Increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Specification.Assert(count.Read() == 2, "count must be 2");
    }

    /// <summary>T1 takes fork0 then fork1, T2 takes fork1 then fork0.</summary>
    public static void LockOrderInversion()
    {
        var fork0 = new Lock("fork0");
        var fork1 = new Lock("fork1");
        void Take(Lock first, Lock second)
        {
            first.Enter();
            second.Enter();
            second.Exit();
            first.Exit();
        }
        var t1 = new ControlledThread(() => Take(fork0, fork1), "T1");
        var t2 = new ControlledThread(() => Take(fork1, fork0), "T2");
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    /// <summary>
    /// The DFS counting program: main starts two threads and returns; each thread writes its own variable
    /// <paramref name="k"/> times. Start is not a scheduling point, but a thread's beginning is a step of its own (the
    /// plain code before its first write runs there), and finishing is not a step, so schedules correspond one-to-one
    /// to the orders of 2(k + 1) events: each thread's beginning, then its k writes.
    /// </summary>
    public static Action TwoWriters(int k) => () =>
    {
        var a = new Shared<int>(0, "a");
        var b = new Shared<int>(0, "b");
        new ControlledThread(() => { for (int i = 1; i <= k; i++) a.Write(i); }, "A").Start();
        new ControlledThread(() => { for (int i = 1; i <= k; i++) b.Write(i); }, "B").Start();
    };

    /// <summary>
    /// Check-then-act on a plain list: each thread adds its item if the list is empty, checking Count before it takes
    /// the lock. The check is plain code before the thread's first controlled operation; both threads can see an
    /// empty list, and then both add.
    /// </summary>
    public static void CheckCountThenLock()
    {
        var items = new List<int>();
        var gate = new Lock("gate");
        void AddIfEmpty(int item)
        {
            if (items.Count != 0) return;
            using (gate.EnterScope()) items.Add(item);
        }
        var t1 = new ControlledThread(() => AddIfEmpty(1), "T1");
        var t2 = new ControlledThread(() => AddIfEmpty(2), "T2");
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Specification.Assert(items.Count == 1, $"the list holds {items.Count} items, expected 1: both threads saw it empty");
    }

    /// <summary>
    /// A first choice among nine values; only the third (2) leads to the lock-order deadlock, every other value to
    /// two writers of ten writes each, whose 705,432 schedules a depth-first search would finish before trying value 2.
    /// </summary>
    public static void DeadlockBehindTheThirdOfNineValues()
    {
        if (Choice.NextInteger(9) == 2) LockOrderInversion();
        else TwoWriters(10)();
    }

    /// <summary>A choice of 1, 2 or 3 writes per thread, then two writers: 6 + 20 + 70 = 96 schedules in all.</summary>
    public static void ChosenWriterCount() => TwoWriters(1 + Choice.NextInteger(3))();
}
