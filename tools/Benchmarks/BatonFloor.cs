using Lab.Systematic.Strategies;

namespace Lab.Benchmarks;

/// <summary>
/// The floor the engine is measured against: two pooled OS threads pass a SemaphoreSlim baton, making a seeded random
/// choice at each of ten scheduling points per thread, and nothing else (no trace, no detection, no enabled-set).
/// </summary>
internal sealed class BatonFloor : IDisposable
{
    private const int Points = 10;
    private readonly SemaphoreSlim[] _batons = [new(0, 1), new(0, 1)];
    private readonly SemaphoreSlim _done = new(0, 1);
    private readonly int[] _remaining = new int[2];
    private readonly Thread[] _threads;
    private DeterministicRandom _random = new(1);
    private volatile bool _stopping;

    public BatonFloor()
    {
        _threads = [new Thread(() => Loop(0)) { IsBackground = true }, new Thread(() => Loop(1)) { IsBackground = true }];
        foreach (Thread thread in _threads) thread.Start();
    }

    /// <summary>Runs <paramref name="iterations"/> iterations and returns the elapsed seconds.</summary>
    public double Run(int iterations, ulong seed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            _random = new DeterministicRandom(DeterministicRandom.Derive(seed, (ulong)i));
            _remaining[0] = _remaining[1] = Points;
            _batons[_random.Next(2)].Release();
            _done.Wait();
        }
        return clock.Elapsed.TotalSeconds;
    }

    private void Loop(int me)
    {
        while (true)
        {
            _batons[me].Wait();
            if (_stopping) return;
            while (_remaining[me] > 0)
            {
                _remaining[me]--;
                int other = 1 - me;
                bool switchTo = _remaining[other] > 0 && (_remaining[me] == 0 || _random.NextBoolean());
                if (switchTo)
                {
                    _batons[other].Release();
                    _batons[me].Wait();
                    if (_stopping) return;
                }
            }
            if (_remaining[1 - me] > 0) _batons[1 - me].Release();
            else _done.Release();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (SemaphoreSlim baton in _batons) baton.Release();
    }
}
