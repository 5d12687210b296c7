namespace Lab.Systematic.Strategies.Dpor;

/// <summary>
/// The happens-before order of one execution (program order plus the order of dependent events), as vector clocks,
/// with its races and its Mazurkiewicz trace. Stutters (blocked attempts) are left out: they stand for no step.
/// A race is a pair of dependent events of different threads with nothing ordered between them, the pairs whose
/// reversal can lead to a new trace (Abdulla et al., "Optimal dynamic partial order reduction", POPL 2014).
/// </summary>
internal sealed class HappensBefore
{
    private readonly IReadOnlyList<ExecutionEvent> _events;
    private readonly int[][] _clocks;
    private readonly int[] _local;
    private readonly List<int>[] _positions;
    private readonly List<(int Earlier, int Later)> _races = [];
    private readonly int _threads;

    /// <summary>Orders the events; races are collected only for later events at or after <paramref name="racesFrom"/>.</summary>
    public HappensBefore(IReadOnlyList<ExecutionEvent> events, int racesFrom)
    {
        _events = events;
        _threads = events.Count == 0 ? 0 : events.Max(e => e.Thread) + 1;
        _clocks = new int[events.Count][];
        _local = new int[events.Count];
        _positions = Enumerable.Range(0, _threads).Select(_ => new List<int>()).ToArray();
        var last = new Dictionary<int, LastAccesses>();
        var previous = Enumerable.Repeat(-1, _threads).ToArray();
        var candidates = new List<int>();
        for (int j = 0; j < events.Count; j++)
        {
            ExecutionEvent e = events[j];
            if (e.IsStutter) continue;
            int t = e.Thread;
            _positions[t].Add(j);
            _local[j] = _positions[t].Count;
            int[] clock = previous[t] >= 0 ? (int[])_clocks[previous[t]].Clone() : new int[_threads];
            candidates.Clear();
            foreach (Access access in e.Accesses)
            {
                if (last.TryGetValue(access.Resource, out LastAccesses? seen)) seen.Candidates(access.Kind, t, candidates);
            }
            candidates.Sort();
            for (int c = candidates.Count - 1; c >= 0; c--)
            {
                int i = candidates[c];
                if (c + 1 < candidates.Count && candidates[c + 1] == i) continue;
                if (clock[_events[i].Thread] >= _local[i]) continue;
                if (j >= racesFrom) _races.Add((i, j));
                Join(clock, _clocks[i]);
            }
            clock[t] = _local[j];
            _clocks[j] = clock;
            previous[t] = j;
            foreach (Access access in e.Accesses)
            {
                if (!last.TryGetValue(access.Resource, out LastAccesses? seen)) last.Add(access.Resource, seen = new LastAccesses(_threads));
                seen.Note(access.Kind, t, j);
            }
        }
    }

    /// <summary>Every race (earlier, later) whose later event is at or after the position given to the constructor.</summary>
    public IReadOnlyList<(int Earlier, int Later)> Races => _races;

    /// <summary>
    /// The threads that can start <c>notdep(earlier).later</c>: the events after <paramref name="earlier"/> that do not
    /// happen after it, then <paramref name="later"/>; a thread is an initial when its first event there has no
    /// predecessor there. Scheduling one of them before <paramref name="earlier"/> reverses the race.
    /// </summary>
    public List<int> Initials(int earlier, int later)
    {
        int q = _events[earlier].Thread;
        var seen = new HashSet<int>();
        var initials = new List<int>();
        var before = new int[_threads];
        for (int u = 0; u < _threads; u++) before[u] = CountBefore(u, earlier);
        for (int k = earlier + 1; k <= later; k++)
        {
            ExecutionEvent e = _events[k];
            if (e.IsStutter) continue;
            if (k != later && _clocks[k][q] >= _local[earlier]) continue;
            if (!seen.Add(e.Thread)) continue;
            bool first = true;
            for (int u = 0; u < _threads && first; u++)
            {
                if (u != e.Thread && u != q && _clocks[k][u] > before[u]) first = false;
            }
            if (first) initials.Add(e.Thread);
        }
        return initials;
    }

    /// <summary>
    /// The execution's Mazurkiewicz trace as a number: each thread's events with what they touched and their vector
    /// clocks. Two executions get the same number exactly when one reorders independent events of the other.
    /// </summary>
    public ulong Fingerprint()
    {
        ulong hash = 14695981039346656037UL;
        void Mix(long value) => hash = (hash ^ (ulong)value) * 1099511628211UL;
        for (int t = 0; t < _threads; t++)
        {
            Mix(-1 - t);
            foreach (int j in _positions[t])
            {
                Mix(-1_000_000);
                foreach (Access access in _events[j].Accesses.OrderBy(a => a.Resource))
                {
                    Mix(access.Resource);
                    Mix((long)access.Kind);
                }
                foreach (int entry in _clocks[j]) Mix(entry);
            }
        }
        return hash;
    }

    private int CountBefore(int thread, int position)
    {
        List<int> positions = _positions[thread];
        int index = positions.BinarySearch(position);
        return index >= 0 ? index : ~index;
    }

    private static void Join(int[] into, int[] other)
    {
        for (int u = 0; u < into.Length; u++) into[u] = Math.Max(into[u], other[u]);
    }

    /// <summary>Per thread, the last event that read, wrote or released one resource.</summary>
    private sealed class LastAccesses
    {
        private readonly int[] _read, _write, _release;

        public LastAccesses(int threads)
        {
            _read = Enumerable.Repeat(-1, threads).ToArray();
            _write = Enumerable.Repeat(-1, threads).ToArray();
            _release = Enumerable.Repeat(-1, threads).ToArray();
        }

        public void Note(AccessKind kind, int thread, int position)
        {
            if ((kind & AccessKind.Read) != 0) _read[thread] = position;
            if ((kind & AccessKind.Write) != 0) _write[thread] = position;
            if ((kind & AccessKind.Release) != 0) _release[thread] = position;
        }

        /// <summary>Adds, per other thread, its last event that conflicts with an access of <paramref name="kind"/>.</summary>
        public void Candidates(AccessKind kind, int thread, List<int> into)
        {
            for (int u = 0; u < _read.Length; u++)
            {
                if (u == thread) continue;
                int latest = -1;
                if ((kind & AccessKind.Write) != 0) latest = Math.Max(latest, Math.Max(_read[u], _write[u]));
                if ((kind & AccessKind.Read) != 0) latest = Math.Max(latest, Math.Max(_write[u], _release[u]));
                if ((kind & AccessKind.Release) != 0) latest = Math.Max(latest, _read[u]);
                if (latest >= 0) into.Add(latest);
            }
        }
    }
}
