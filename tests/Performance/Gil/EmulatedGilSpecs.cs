using Lab.Workloads.Cpu;
using Lab.Workloads.Gil;

namespace Lab.Performance.Tests.Gil;

[TestFixture]
[Category("Workloads")]
public sealed class EmulatedGilSpecs
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(10);

    [Test]
    public void TwoComputingThreads_NeverHoldItTogether_AndTakeTurnsEverySwitchInterval()
    {
        var gil = new EmulatedGil();
        int inside = 0;
        int mostInside = 0;
        var turns = new List<int>();
        void Compute(int id)
        {
            gil.Acquire();
            for (int slice = 0; slice < 400; slice++)
            {
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref mostInside, now);
                if (turns.Count == 0 || turns[^1] != id)
                {
                    turns.Add(id);
                }

                CosineLoop.Compute(20_000, NoInterpreterLock.Instance);
                Interlocked.Decrement(ref inside);
                gil.Checkpoint();
            }

            gil.Release();
        }

        Thread[] threads = [new(() => Compute(1)), new(() => Compute(2))];
        foreach (var thread in threads)
        {
            thread.Start();
        }

        Assert.That(threads.All(thread => thread.Join(JoinTimeout)), Is.True, "both threads finished");
        TestContext.Out.WriteLine($"{gil.Acquisitions} acquisitions, {gil.ForcedSwitches} forced switches, {turns.Count} turns");
        Assert.Multiple(() =>
        {
            Assert.That(mostInside, Is.EqualTo(1), "threads inside the lock at once");
            Assert.That(gil.ForcedSwitches, Is.GreaterThanOrEqualTo(5), "a waiting thread made the holder switch");
            Assert.That(turns, Has.Count.GreaterThanOrEqualTo(6), "the threads alternated rather than ran one after the other");
        });
    }

    [Test]
    public void BlockingRegion_ReleasesTheLockForItsDuration()
    {
        var gil = new EmulatedGil();
        bool otherGotIn = false;
        gil.Acquire();
        using (BlockingRegion.Enter(gil))
        {
            var other = new Thread(() =>
            {
                gil.Acquire();
                otherGotIn = true;
                gil.Release();
            });
            other.Start();
            Assert.That(other.Join(JoinTimeout), Is.True, "the other thread could take the lock while this one was blocked");
        }

        gil.Release();
        Assert.That(otherGotIn, Is.True);
    }

    [Test]
    public void Release_ByAThreadThatDoesNotHoldIt_Throws()
    {
        var gil = new EmulatedGil();
        Assert.That(gil.Release, Throws.InvalidOperationException);
    }

    [Test]
    public void Acquire_ByTheHolder_ThrowsBecauseTheLockIsNotReentrant()
    {
        var gil = new EmulatedGil();
        gil.Acquire();
        Assert.That(gil.Acquire, Throws.InvalidOperationException);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
