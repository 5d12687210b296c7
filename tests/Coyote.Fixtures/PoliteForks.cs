using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Coyote.Fixtures;

/// <summary>
/// Two polite philosophers: each takes its own fork, tries the other with <c>Wait(0)</c> and, failing, puts its fork
/// back and retries. In lockstep both retry forever (a livelock), which the lab's hot/cold <see cref="LivenessMonitor"/>
/// per philosopher states; the fix takes the forks in one global order, blocking.
/// </summary>
public sealed class PoliteForks(bool ordered)
{
    private readonly SemaphoreSlim[] _forks = [new(1, 1), new(1, 1)];

    /// <summary>The harness: both philosophers dine once; each is hungry (hot) until it has eaten.</summary>
    public static void Run(bool ordered)
    {
        var table = new PoliteForks(ordered);
        var diners = new Thread[2];
        for (int seat = 0; seat < 2; seat++)
        {
            int me = seat;
            var hungry = new LivenessMonitor($"P{me} gets to eat", BugKind.Livelock);
            diners[seat] = new Thread(() =>
            {
                hungry.Hot();
                table.Dine(me);
                hungry.Cold();
            });
        }
        foreach (Thread diner in diners) diner.Start();
        foreach (Thread diner in diners) diner.Join();
    }

    private void Dine(int seat)
    {
        if (ordered)
        {
            _forks[0].Wait();
            _forks[1].Wait();
        }
        else
        {
            SemaphoreSlim mine = _forks[seat], theirs = _forks[1 - seat];
            while (true)
            {
                mine.Wait();
                if (theirs.Wait(0)) break;
                mine.Release();
                Thread.Yield();
            }
        }
        _forks[0].Release();
        _forks[1].Release();
    }
}
