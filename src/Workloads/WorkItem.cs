using System.Text.Json.Serialization;
using Lab.Workloads.Cpu;
using Lab.Workloads.Faults;
using Lab.Workloads.Gil;
using Lab.Workloads.Io;
using Lab.Workloads.Overheads;

namespace Lab.Workloads;

/// <summary>
/// One unit of work as plain data, so every executor can run it: on a thread of this process, or in a worker process
/// after a trip through JSON. The result is a checksum that proves the work was done and lets executors be compared.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CosineLoopItem), "cosine")]
[JsonDerivedType(typeof(PrimeCountItem), "primes")]
[JsonDerivedType(typeof(MandelbrotRowsItem), "mandelbrot")]
[JsonDerivedType(typeof(BlockingWaitItem), "wait")]
[JsonDerivedType(typeof(FileOverwriteItem), "file")]
[JsonDerivedType(typeof(EchoRequestItem), "echo")]
[JsonDerivedType(typeof(FaultItem), "fault")]
[JsonDerivedType(typeof(NoOpItem), "noop")]
public abstract record WorkItem
{
    /// <summary>Runs the item on the calling thread, which holds <paramref name="interpreterLock"/> and cooperates with it.</summary>
    public abstract double Run(IInterpreterLock interpreterLock);

    /// <summary>Runs the item without holding a thread while it waits; items that only compute just compute.</summary>
    public virtual ValueTask<double> RunAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Run(NoInterpreterLock.Instance));
}
