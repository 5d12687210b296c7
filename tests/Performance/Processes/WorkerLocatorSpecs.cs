using Lab.Workloads.Io;
using Lab.Workloads.Processes;

namespace Lab.Performance.Tests.Processes;

[TestFixture]
[Category("Workloads")]
public sealed class WorkerLocatorSpecs
{
    [Test]
    public void Locate_FindsTheWorkerAssemblyCopiedNextToTheTests_AndRunsItThroughTheDotnetHost()
    {
        WorkerLaunch launch = WorkerLocator.Locate(null, AppContext.BaseDirectory, "/opt/dotnet/dotnet");
        Assert.Multiple(() =>
        {
            Assert.That(launch.FileName, Is.EqualTo("/opt/dotnet/dotnet"));
            Assert.That(launch.Arguments, Is.EqualTo(new[] { Path.Combine(AppContext.BaseDirectory, WorkerLocator.AssemblyFileName) }));
        });
    }

    [Test]
    public void Locate_WithAnOverrideToAnExecutable_RunsItDirectly()
    {
        string executable = Path.Combine(AppContext.BaseDirectory, WorkerLocator.AppHostFileName);
        Assume.That(File.Exists(executable), "the build produced the worker's apphost");
        WorkerLaunch launch = WorkerLocator.Locate(executable, "/nowhere", "dotnet");
        Assert.Multiple(() =>
        {
            Assert.That(launch.FileName, Is.EqualTo(executable));
            Assert.That(launch.Arguments, Is.Empty);
        });
    }

    [Test]
    public void Locate_WithAnOverrideThatDoesNotExist_NamesTheVariable() =>
        Assert.That(
            () => WorkerLocator.Locate("/no/such/lab-worker.dll", AppContext.BaseDirectory, "dotnet"),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains(WorkerLocator.PathVariable));

    [Test]
    public void Locate_InADirectoryWithoutTheWorker_SaysHowToFixIt()
    {
        using var empty = TemporaryDirectory.Create("lab-locator");
        Assert.That(
            () => WorkerLocator.Locate(null, empty.Path, "dotnet"),
            Throws.TypeOf<FileNotFoundException>().With.Message.Contains("Reference tools/Worker"));
    }
}
