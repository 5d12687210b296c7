using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Traces;

/// <summary>Small programs whose timelines the HTML timeline tests draw: one per kind of bug mark.</summary>
internal static class TimelinePrograms
{
    /// <summary>Three philosophers, three forks, left fork first: a wait-for cycle round the table.</summary>
    public static void DiningPhilosophers()
    {
        Lock[] forks = [new("fork0"), new("fork1"), new("fork2")];
        var philosophers = new ControlledThread[3];
        for (int seat = 0; seat < 3; seat++)
        {
            Lock left = forks[seat], right = forks[(seat + 1) % 3];
            philosophers[seat] = new ControlledThread(() =>
            {
                using (left.EnterScope())
                using (right.EnterScope())
                {
                }
            }, $"P{seat}");
        }
        foreach (ControlledThread philosopher in philosophers) philosopher.Start();
        foreach (ControlledThread philosopher in philosophers) philosopher.Join();
    }

    /// <summary>Two unsynchronised writes of one flag: a data race.</summary>
    public static void RacyFlag()
    {
        var flag = new Shared<int>(0, "flag");
        var writer = new ControlledThread(() => flag.Write(1), "writer");
        writer.Start();
        flag.Write(2);
        writer.Join();
    }

    /// <summary>A waiter that waits for a Pulse nobody sends: it lets go of the lock and waits for ever.</summary>
    public static void WaitWithoutPulse()
    {
        var gate = new Lock("gate");
        var waiter = new ControlledThread(() =>
        {
            using (gate.EnterScope()) gate.Wait();
        }, "waiter");
        waiter.Start();
        waiter.Join();
    }

    /// <summary>
    /// Two polite philosophers: take the left fork, try the right, on failure put the left back and yield. In
    /// lockstep neither ever eats; with a long liveness bound the witness runs to thousands of steps.
    /// </summary>
    public static void PolitePhilosophers()
    {
        Lock[] forks = [new("fork0"), new("fork1")];
        var philosophers = new ControlledThread[2];
        for (int seat = 0; seat < 2; seat++)
        {
            Lock left = forks[seat], right = forks[1 - seat];
            var hungry = new LivenessMonitor($"P{seat} eats", BugKind.Livelock);
            philosophers[seat] = new ControlledThread(() =>
            {
                hungry.Hot();
                while (true)
                {
                    left.Enter();
                    if (right.TryEnter())
                    {
                        hungry.Cold();
                        right.Exit();
                        left.Exit();
                        return;
                    }
                    left.Exit();
                    ControlledThread.Yield();
                }
            }, $"P{seat}");
        }
        foreach (ControlledThread philosopher in philosophers) philosopher.Start();
        foreach (ControlledThread philosopher in philosophers) philosopher.Join();
    }
}
