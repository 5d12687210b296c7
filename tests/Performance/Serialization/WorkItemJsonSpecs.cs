using System.Text.Json;
using Lab.Workloads;
using Lab.Workloads.Cpu;
using Lab.Workloads.Faults;
using Lab.Workloads.Io;
using Lab.Workloads.Overheads;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Serialization;

/// <summary>Every kind of item survives the trip to a worker process unchanged.</summary>
[TestFixture]
[Category("Workloads")]
public sealed class WorkItemJsonSpecs
{
    private static readonly WorkItem[] EveryKind =
    [
        new CosineLoopItem(12345),
        new PrimeCountItem(10, 20),
        new MandelbrotRowsItem(new MandelbrotView(64, 32, 100), 4, 2),
        new BlockingWaitItem(15),
        new FileOverwriteItem("/tmp/x.bin", 3, 4096),
        new EchoRequestItem(4242, 2, 256),
        new FaultItem("boom"),
        new NoOpItem(),
    ];

    [TestCaseSource(nameof(EveryKind))]
    public void WorkRequest_RoundTripsThroughTheProtocolJson_ToAnEqualItem(WorkItem item)
    {
        string line = JsonSerializer.Serialize(new WorkRequest(3, item), WorkerProtocolJson.Default.WorkRequest);
        WorkRequest back = JsonSerializer.Deserialize(line, WorkerProtocolJson.Default.WorkRequest)!;
        Assert.Multiple(() =>
        {
            Assert.That(line, Does.Not.Contain("\n"), "one message per line");
            Assert.That(back.Id, Is.EqualTo(3));
            Assert.That(back.Item, Is.EqualTo(item));
        });
    }

    [Test]
    public void EveryConcreteItemType_HasACaseHere()
    {
        var concrete = typeof(WorkItem).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(WorkItem)) && !type.IsAbstract);
        Assert.That(EveryKind.Select(item => item.GetType()), Is.EquivalentTo(concrete));
    }
}
