using Lab.Systematic.Specifications;
using Lab.Systematic.Traces;

namespace Lab.Systematic.Runtime;

/// <summary>
/// The growable lists an iteration fills, kept by a worker and cleared between its iterations so that the hot path
/// allocates nothing once they have grown. A trace copies what it keeps, so reuse never changes a saved result.
/// </summary>
internal sealed class IterationBuffers
{
    public List<Decision> Decisions { get; } = [];

    public List<StepRecord> Steps { get; } = [];

    public List<ControlledOperation> Operations { get; } = [];

    public List<IWaitResource> Resources { get; } = [];

    public List<int> Enabled { get; } = [];

    public List<LivenessMonitor> Monitors { get; } = [];

    public List<PreemptionPoint> PreemptionPoints { get; } = [];

    /// <summary>Real objects used by rewritten code (locked objects, threads, semaphores) mapped to their controlled models, by identity.</summary>
    public Dictionary<object, object> ObjectModels { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Plain memory locations (fields, array elements, collections) touched by rewritten code, with their access histories.</summary>
    public Dictionary<Interception.MemoryLocation, Detection.SharedAccessHistory> MemoryLocations { get; } = [];

    public List<TimedWaitOutcome> TimedWaits { get; } = [];

    /// <summary>
    /// Never-started <see cref="Thread"/> objects handed to rewritten <c>new Thread(...)</c> calls, kept across iterations:
    /// a Thread object costs microseconds and a finaliser to make, and inside an exploration only its identity matters.
    /// </summary>
    public List<Thread> SpareThreads { get; } = [];

    /// <summary>Signalled by the last operation of an iteration; reused because only one iteration runs per worker at a time.</summary>
    public ManualResetEventSlim IterationDone { get; } = new(false, spinCount: BatonSpin.Count);

    public IterationBuffers Clear()
    {
        Decisions.Clear();
        Steps.Clear();
        Operations.Clear();
        Resources.Clear();
        Enabled.Clear();
        Monitors.Clear();
        PreemptionPoints.Clear();
        ObjectModels.Clear();
        MemoryLocations.Clear();
        TimedWaits.Clear();
        return this;
    }
}
