using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Strategies;

/// <summary>Small programs whose trace counts DPOR's tests know, by reasoning or by brute force.</summary>
internal static class DporPrograms
{
    /// <summary>Two threads write one variable <paramref name="k"/> times each: every order of the 2k writes is its own trace.</summary>
    public static Action SameVariableWriters(int k) => () =>
    {
        var x = new Shared<int>(0, "x");
        new ControlledThread(() => { for (int i = 1; i <= k; i++) x.Write(i); }, "A").Start();
        new ControlledThread(() => { for (int i = 1; i <= k; i++) x.Write(-i); }, "B").Start();
    };

    /// <summary>Three threads only read one variable: reads commute, so one trace.</summary>
    public static void Readers()
    {
        var x = new Shared<int>(7, "x");
        for (int t = 0; t < 3; t++) new ControlledThread(() => { x.Read(); x.Read(); }).Start();
    }

    /// <summary>A writer and two readers of one variable: each reader reads before or after the write (4 traces).</summary>
    public static void WriterAndReaders()
    {
        var x = new Shared<int>(0, "x");
        new ControlledThread(() => x.Write(1), "W").Start();
        new ControlledThread(() => x.Read(), "R1").Start();
        new ControlledThread(() => x.Read(), "R2").Start();
    }

    /// <summary>Three threads increment one counter under one lock, and main checks the total after joining them.</summary>
    public static void ThreeLockedIncrements()
    {
        var count = new Shared<int>(0, "count");
        var gate = new Lock("gate");
        var threads = Enumerable.Range(0, 3).Select(_ => new ControlledThread(() =>
        {
            using (gate.EnterScope()) count.Write(count.Read() + 1);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Specification.Assert(count.Read() == 3, "count must be 3");
    }

    /// <summary>A producer releases a semaphore twice; two consumers each wait for a permit and record their turn.</summary>
    public static void SemaphoreHandOff()
    {
        var items = new SemaphoreSlim(0, name: "items");
        var order = new Shared<int>(0, "order");
        new ControlledThread(() => { items.Release(); items.Release(); }, "producer").Start();
        for (int c = 0; c < 2; c++) new ControlledThread(() => { items.Wait(); order.Write(order.Read() + 1); }).Start();
    }

    /// <summary>A waiter checks a flag under a lock and waits for a pulse; a setter sets it and pulses.</summary>
    public static void WaitAndPulse()
    {
        var gate = new Lock("gate");
        var ready = new Shared<bool>(false, "ready");
        var waiter = new ControlledThread(() =>
        {
            using (gate.EnterScope())
            {
                while (!ready.Read()) gate.Wait();
            }
        }, "waiter");
        var setter = new ControlledThread(() =>
        {
            using (gate.EnterScope())
            {
                ready.Write(true);
                gate.PulseAll();
            }
        }, "setter");
        waiter.Start();
        setter.Start();
        waiter.Join();
        setter.Join();
    }

    /// <summary>One thread holds a lock while another tries it without waiting and with a timeout.</summary>
    public static void TryEnterWhileHeld()
    {
        var gate = new Lock("gate");
        var got = new Shared<int>(0, "got");
        new ControlledThread(() => { gate.Enter(); got.Write(1); gate.Exit(); }, "holder").Start();
        new ControlledThread(() =>
        {
            if (gate.TryEnter()) gate.Exit();
            if (gate.TryEnter(10)) gate.Exit();
        }, "trier").Start();
    }

    /// <summary>Interlocked increments by two threads and a volatile read by a third.</summary>
    public static void Atomics()
    {
        int[] cell = [0];
        new ControlledThread(() => Threading.Interlocked.Increment(ref cell[0]), "A").Start();
        new ControlledThread(() => Threading.Interlocked.Increment(ref cell[0]), "B").Start();
        new ControlledThread(() => Threading.Volatile.Read(ref cell[0]), "C").Start();
    }

    /// <summary>A choice decides which variable a thread writes; another thread reads one of them.</summary>
    public static void ChoiceThenWrite()
    {
        var a = new Shared<int>(0, "a");
        var b = new Shared<int>(0, "b");
        new ControlledThread(() => (Choice.NextBoolean() ? a : b).Write(1), "writer").Start();
        new ControlledThread(() => a.Read(), "reader").Start();
    }
}
