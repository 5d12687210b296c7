using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Lab.Cli.Grading;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>Each escape a worker might try, run as a shell inside the same sandbox a grading worker gets: it fails and changes nothing outside.</summary>
public sealed class WorkerSandboxTests
{
    private ScratchDirectory _scratch = null!;
    private string _own = null!, _other = null!, _traces = null!;

    [SetUp]
    public void CreateAClass()
    {
        Assume.That(WorkerSandbox.IsAvailable, WorkerSandbox.Statement);
        _scratch = new ScratchDirectory();
        _own = _scratch.Combine("class", "mallory", "Counter.cs");
        _other = _scratch.Combine("class", "honest", "Counter.cs");
        _traces = _scratch.Combine("out", "traces", "mallory");
        Directory.CreateDirectory(Path.GetDirectoryName(_own)!);
        Directory.CreateDirectory(Path.GetDirectoryName(_other)!);
        File.WriteAllText(_own, "mallory's file");
        File.WriteAllText(_other, "honest's file");
    }

    [TearDown]
    public void DeleteTheClass() => _scratch?.Dispose();

    [Test]
    public void Sandbox_ReadsItsOwnFileButNotAnotherStudents()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Shell($"cat '{_own}'").Output, Is.EqualTo("mallory's file"));
            Assert.That(Shell($"cat '{_other}'").ExitCode, Is.Not.EqualTo(0));
        });
    }

    [Test]
    public void Sandbox_WritesOnlyIntoItsTraceFolder()
    {
        Shell($"echo forged > '{_scratch.Combine("out", "gradebook.csv")}'; echo trace > '{_traces}/t.json'");
        (int exitCode, _) = Shell($"echo forged > '{_own}'");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.EqualTo(0), "its own file is read-only");
            Assert.That(File.Exists(_scratch.Combine("out", "gradebook.csv")), Is.False);
            Assert.That(File.ReadAllText(_own), Is.EqualTo("mallory's file"));
            Assert.That(File.ReadAllText(Path.Combine(_traces, "t.json")), Is.EqualTo("trace\n"));
        });
    }

    [Test]
    public void Sandbox_HasNoNetwork()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.That(Shell($"exec 3<>/dev/tcp/127.0.0.1/{port}", "bash").ExitCode, Is.Not.EqualTo(0));
    }

    [Test]
    public void Sandbox_ProcessesStartedInsideDoNotOutliveIt()
    {
        string marker = $"{Random.Shared.Next(100_000, 900_000)}";

        Shell($"sleep {marker} & echo started");

        Assert.That(LeftoverProcesses.Mentioning($"sleep {marker}"), Is.Empty);
    }

    [Test]
    public void Sandbox_CannotSignalTheGrader()
    {
        Assert.That(Shell($"kill -9 {Environment.ProcessId}").ExitCode, Is.Not.EqualTo(0));
    }

    [Test]
    public void Sandbox_SeesOnlyTheEnvironmentItNeeds()
    {
        Environment.SetEnvironmentVariable("LAB_TEST_SECRET", "s3cret");

        Assert.That(Shell("env").Output, Does.Not.Contain("s3cret").And.Contain("DOTNET_GCHeapHardLimit"));
    }

    [Test]
    public void Sandbox_InItsControlGroup_CannotForkWithoutBound()
    {
        Assume.That(WorkerCgroup.IsAvailable, "control groups need root and cgroup v1 pids/memory/cpuacct");
        using WorkerCgroup cgroup = WorkerCgroup.TryCreate()!;

        // grep is started before the loop, so it can still report once the group is full; dash gives up the loop at the
        // first fork that fails. The sleeps die with the sandbox.
        (int exitCode, string output) = Shell($"n=0; while [ $n -lt {WorkerCgroup.ProcessLimit + 50} ]; do sleep 5 & n=$((n+1)); done 2>&1 " +
                                              "| grep -c 'Cannot fork'; true", group: cgroup);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output);
            Assert.That(int.Parse(output.Split('\n')[^1]), Is.GreaterThanOrEqualTo(1), "a fork beyond pids.max fails");
        });
    }

    [Test]
    public void Sandbox_InItsControlGroup_IsChargedTheProcessorTimeOfItsSandboxedChildren()
    {
        Assume.That(WorkerCgroup.IsAvailable, "control groups need root and cgroup v1 pids/memory/cpuacct");
        using WorkerCgroup cgroup = WorkerCgroup.TryCreate()!;

        Shell("end=$(( $(date +%s) + 2 )); while [ $(date +%s) -lt $end ]; do :; done", group: cgroup);

        Assert.That(cgroup.ProcessorTime, Is.GreaterThan(TimeSpan.FromMilliseconds(300)),
            "the busy loop ran in bubblewrap's grandchild, which the sandbox process's own processor time never sees");
    }

    private (int ExitCode, string Output) Shell(string script, string shell = "sh", WorkerCgroup? group = null)
    {
        (string fileName, IReadOnlyList<string> arguments) = WorkerSandbox.Wrap(shell, ["-c", script],
            hidden: [_scratch.Combine("class"), _scratch.Combine("out")], readOnly: [_own], writable: [_traces]);
        if (group is not null) (fileName, arguments) = group.Wrap(fileName, arguments);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.TrimEnd('\n'));
    }
}
