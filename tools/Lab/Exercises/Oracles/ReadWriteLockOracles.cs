using Lab.Scenarios.Starvation;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;
using Interlocked = Lab.Systematic.Threading.Interlocked;
using Volatile = Lab.Systematic.Threading.Volatile;

namespace Lab.Cli.Exercises.Oracles;

/// <summary>Oracles of the readers-writers exercise: a writer is alone inside, as a readers-writer lock promises.</summary>
public static class ReadWriteLockOracles
{
    /// <summary>Two readers and two writers enter once each; a writer inside sees nobody else inside, a reader sees no writer.</summary>
    public static ExerciseOracle WriterAlone { get; } = ExerciseOracle.Of<IReadWriteLock>("writer-alone",
        "two readers and two writers enter once each: a writer is never inside with anybody, a reader never with a writer",
        dfsPreemptionBound: 1, Run);

    /// <summary>Every oracle of the exercise.</summary>
    public static IReadOnlyList<ExerciseOracle> All { get; } = [WriterAlone];

    private static void Run(IReadWriteLock rwlock)
    {
        var inside = new Occupancy();
        var threads = new List<ControlledThread>
        {
            new(() => Read(rwlock, inside), "reader1"),
            new(() => Read(rwlock, inside), "reader2"),
            new(() => Write(rwlock, inside), "writer1"),
            new(() => Write(rwlock, inside), "writer2"),
        };
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static void Read(IReadWriteLock rwlock, Occupancy inside)
    {
        rwlock.EnterRead();
        Interlocked.Increment(ref inside.Readers);
        int writers = Volatile.Read(ref inside.Writers);
        Specification.Assert(writers == 0, $"a reader is inside with {writers} writer(s): EnterRead let it in while a writer held the lock");
        Interlocked.Decrement(ref inside.Readers);
        rwlock.ExitRead();
    }

    private static void Write(IReadWriteLock rwlock, Occupancy inside)
    {
        rwlock.EnterWrite();
        int writers = Interlocked.Increment(ref inside.Writers);
        int readers = Volatile.Read(ref inside.Readers);
        Specification.Assert(writers == 1 && readers == 0,
            $"a writer is inside with {writers - 1} other writer(s) and {readers} reader(s): EnterWrite did not exclude them");
        Interlocked.Decrement(ref inside.Writers);
        rwlock.ExitWrite();
    }

    /// <summary>Who is inside the lock right now, as the threads announce it.</summary>
    private sealed class Occupancy
    {
        public int Readers;
        public int Writers;
    }
}
