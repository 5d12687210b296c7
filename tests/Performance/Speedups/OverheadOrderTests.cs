using Lab.Workloads.Overheads;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Speedups;

/// <summary>The fixed costs that make processes worth it only for big enough work: starting one, and talking to one.</summary>
[TestFixture]
[Category("Performance")]
public sealed class OverheadOrderTests
{
    [Test]
    public void ProcessStart_CostsAtLeastTenTimesAThreadStart()
    {
        TimeSpan thread = OverheadProbe.ThreadStart(samples: 200);
        TimeSpan process = OverheadProbe.ProcessStart(samples: 3);
        TestContext.Out.WriteLine($"thread start {thread.TotalMicroseconds:F1} µs, worker process start {process.TotalMilliseconds:F1} ms, ratio {process / thread:F0}");
        Assert.That(process, Is.GreaterThan(thread * 10));
    }

    [Test]
    public void ProcessRoundTrip_CostsMoreThanAThreadHandOff()
    {
        using var pool = ProcessPool.Start(ProcessPoolOptions.WithWorkers(1));
        TimeSpan handOff = OverheadProbe.ThreadHandOff(messages: 2000);
        TimeSpan roundTrip = OverheadProbe.ProcessRoundTrip(pool, messages: 2000);
        TestContext.Out.WriteLine($"thread hand-off {handOff.TotalMicroseconds:F1} µs, process round trip {roundTrip.TotalMicroseconds:F1} µs, ratio {roundTrip / handOff:F1}");
        Assert.That(roundTrip, Is.GreaterThan(handOff));
    }
}
