using System.Text.Json;
using Lab.Workloads;
using Lab.Workloads.Cpu;
using Lab.Workloads.Faults;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Processes;

[TestFixture]
[Category("Workloads")]
public sealed class WorkerHostSpecs
{
    [Test]
    public void Serve_AnnouncesItself_ThenAnswersEachRequestLineWithItsIdAndResult()
    {
        string requests = string.Join('\n', new[]
        {
            new WorkRequest(7, new PrimeCountItem(0, 100)),
            new WorkRequest(8, new PrimeCountItem(100, 200)),
        }.Select(request => JsonSerializer.Serialize(request, WorkerProtocolJson.Default.WorkRequest)));
        using var output = new StringWriter();

        WorkerHost.Serve(new StringReader(requests), output);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ready = JsonSerializer.Deserialize(lines[0], WorkerProtocolJson.Default.WorkerReady);
        var responses = lines.Skip(1).Select(line => JsonSerializer.Deserialize(line, WorkerProtocolJson.Default.WorkResponse)!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ready!.ProcessId, Is.EqualTo(Environment.ProcessId));
            Assert.That(responses.Select(response => response.Id), Is.EqualTo(new[] { 7L, 8L }));
            Assert.That(responses.Select(response => response.Value), Is.EqualTo(new[] { 25.0, 21.0 }));
            Assert.That(responses.Select(response => response.CpuMilliseconds), Is.All.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public void Serve_LetsAFaultingItemsExceptionEscape_SoTheWorkerDiesInsteadOfHidingIt()
    {
        string request = JsonSerializer.Serialize(new WorkRequest(1, new FaultItem("boom")), WorkerProtocolJson.Default.WorkRequest);
        Assert.That(() => WorkerHost.Serve(new StringReader(request), new StringWriter()), Throws.TypeOf<InjectedFaultException>());
    }
}
