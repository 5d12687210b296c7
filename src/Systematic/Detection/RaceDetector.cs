using Lab.Systematic.Runtime;

namespace Lab.Systematic.Detection;

/// <summary>
/// Happens-before data-race detection over <c>Shared&lt;T&gt;</c> accesses, FastTrack style (Flanagan and Freund,
/// PLDI 2009): a write is remembered as one epoch (operation, clock); reads keep one epoch per reading operation.
/// Synchronisation (start/join, lock release→acquire, signal→wait, barrier phases, atomics) moves clocks.
/// </summary>
internal sealed class RaceDetector
{
    private readonly VectorClock _atomics = new();

    /// <summary>The first race of the iteration, if any; later ones are usually the same race again.</summary>
    public BugReport? FirstRace { get; private set; }

    public void OnCreate(ControlledOperation operation, ControlledOperation? parent)
    {
        VectorClock clock = parent is null ? new VectorClock() : ClockOf(parent).Copy();
        clock.Tick(operation.Id);
        operation.Clock = clock;
        if (parent is not null) ClockOf(parent).Tick(parent.Id);
    }

    public void OnComplete(ControlledOperation operation) => ClockOf(operation).Tick(operation.Id);

    public void OnJoin(ControlledOperation joiner, ControlledOperation joined) => ClockOf(joiner).Join(ClockOf(joined));

    /// <summary>A release (unlock, signal, set): what the operation did so far happens before the matching acquire.</summary>
    public void Release(ControlledOperation operation, VectorClock synchronisation)
    {
        VectorClock clock = ClockOf(operation);
        synchronisation.Join(clock);
        clock.Tick(operation.Id);
    }

    /// <summary>An acquire (lock, successful wait): everything released into the object happens before what follows.</summary>
    public void Acquire(ControlledOperation operation, VectorClock synchronisation) => ClockOf(operation).Join(synchronisation);

    /// <summary>Interlocked and Volatile accesses synchronise through one clock: conservative, so never a false alarm.</summary>
    public void Atomic(ControlledOperation operation)
    {
        Acquire(operation, _atomics);
        Release(operation, _atomics);
    }

    public void Access(ControlledOperation operation, SharedAccessHistory history, bool isWrite, string? file, int line)
    {
        VectorClock clock = ClockOf(operation);
        if (history.LastWrite is { } write && write.Operation != operation.Id && write.Clock > clock[write.Operation])
        {
            Report(history, write, operation, isWrite, file, line);
        }
        if (isWrite)
        {
            foreach (SharedAccess read in history.Reads)
            {
                if (read.Operation != operation.Id && read.Clock > clock[read.Operation])
                {
                    Report(history, read, operation, isWrite: true, file, line);
                    break;
                }
            }
            history.Reads.Clear();
            history.LastWrite = new SharedAccess(operation.Id, operation.Name, clock[operation.Id], file, line, IsWrite: true);
        }
        else
        {
            for (int i = history.Reads.Count - 1; i >= 0; i--)
            {
                if (history.Reads[i].Operation == operation.Id) history.Reads.RemoveAt(i);
            }
            history.Reads.Add(new SharedAccess(operation.Id, operation.Name, clock[operation.Id], file, line, IsWrite: false));
        }
    }

    private void Report(SharedAccessHistory history, SharedAccess earlier, ControlledOperation operation, bool isWrite, string? file, int line)
    {
        if (FirstRace is not null) return;
        string location = SourceLocation.Format(file, line);
        string later = $"{operation.Name} {(isWrite ? "writes" : "reads")} it at {location}";
        string before = $"{earlier.OperationName} {(earlier.IsWrite ? "wrote" : "read")} it at {SourceLocation.Format(earlier.File, earlier.Line)}";
        FirstRace = new BugReport(BugKind.DataRace,
            $"data race on '{history.Name}': {before} and {later}, with no happens-before order between them " +
            "(no lock, signal, join or atomic access orders the two)", operation.Name, location);
    }

    private static VectorClock ClockOf(ControlledOperation operation) => operation.Clock!;
}

/// <summary>One remembered access to a shared variable: an epoch plus where it happened.</summary>
internal readonly record struct SharedAccess(int Operation, string OperationName, int Clock, string? File, int Line, bool IsWrite);

/// <summary>The last write and the reads since, per shared variable, per iteration.</summary>
internal sealed class SharedAccessHistory(string name)
{
    public string Name { get; } = name;

    public SharedAccess? LastWrite { get; set; }

    public List<SharedAccess> Reads { get; } = [];
}
