namespace Lab.Systematic.Strategies.Dpor;

/// <summary>How a step touches a resource; a step may touch one resource in several ways.</summary>
[Flags]
internal enum AccessKind : byte
{
    /// <summary>Not at all.</summary>
    None = 0,

    /// <summary>Observes the resource without changing it (a read, a failed or timed-out attempt).</summary>
    Read = 1,

    /// <summary>Changes the resource (a write, an acquire, a signal, a thread's start, join or end).</summary>
    Write = 2,

    /// <summary>
    /// Releases a lock the step's thread holds. It commutes with every write to the lock by another thread, because
    /// no other thread can write a held lock; it does not commute with an observation (a failed TryEnter).
    /// </summary>
    Release = 4,
}

/// <summary>One resource a step touched, by its interned name, and how.</summary>
internal readonly record struct Access(int Resource, AccessKind Kind)
{
    /// <summary>
    /// Two steps of different threads are dependent when they touch one resource in conflicting ways: a write against
    /// a read or a write, a release against a read. Identical names are one resource, which can only add dependencies.
    /// </summary>
    public static bool Conflict(AccessKind a, AccessKind b) =>
        ((a & AccessKind.Write) != 0 && (b & (AccessKind.Read | AccessKind.Write)) != 0)
        || ((b & AccessKind.Write) != 0 && (a & AccessKind.Read) != 0)
        || ((a & AccessKind.Release) != 0 && (b & AccessKind.Read) != 0)
        || ((b & AccessKind.Release) != 0 && (a & AccessKind.Read) != 0);

    /// <summary>True when some resource is touched by both footprints in conflicting ways.</summary>
    public static bool Dependent(IReadOnlyList<Access> first, IReadOnlyList<Access> second)
    {
        foreach (Access a in first)
        {
            foreach (Access b in second)
            {
                if (a.Resource == b.Resource && Conflict(a.Kind, b.Kind)) return true;
            }
        }
        return false;
    }

    /// <summary>Adds an access to a footprint, merging it with an earlier access to the same resource.</summary>
    public static void Merge(List<Access> footprint, Access access)
    {
        for (int i = 0; i < footprint.Count; i++)
        {
            if (footprint[i].Resource != access.Resource) continue;
            footprint[i] = footprint[i] with { Kind = footprint[i].Kind | access.Kind };
            return;
        }
        footprint.Add(access);
    }
}
