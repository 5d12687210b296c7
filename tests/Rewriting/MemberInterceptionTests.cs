using Lab.Rewriting.Tests.Support;
using Lab.Rewriting.Tests.TestDoubles;
using Mono.Cecil;

namespace Lab.Rewriting.Tests;

/// <summary>Calls to members with a stand-in become calls to the stand-in, with the call site's file, line and resource.</summary>
public sealed class MemberInterceptionTests
{
    [SetUp]
    public void ForgetEarlierCalls() => StandInLog.Clear();

    [Test]
    public void LockStatement_CallsTheMonitorStandIns_InsteadOfMonitor()
    {
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "Counter", "IncrementLocked");

        IReadOnlyList<string> calls = Il.Calls(method);

        Assert.That(calls, Has.None.StartsWith("System.Threading.Monitor::"));
        Assert.That(calls, Does.Contain("Lab.Rewriting.Tests.TestDoubles.MonitorDouble::Enter"));
        Assert.That(calls, Does.Contain("Lab.Rewriting.Tests.TestDoubles.MonitorDouble::Exit"));
    }

    [Test]
    public void LockStatement_PassesTheLockedField_AndTheLockLine()
    {
        object counter = RewrittenFixtures.WithDoubles.Create("Counter");

        Rewritten.Call(counter, "IncrementLocked");

        StandInCall enter = StandInLog.Entries.Single(c => c.Member == "Monitor.Enter");
        Assert.That(enter.Name, Is.EqualTo("Counter._gate"));
        Assert.That(enter.CallerLine, Is.EqualTo(FixtureSource.LineOf("Counter.cs", "counter-lock")));
        Assert.That(Path.GetFileName(enter.CallerFile), Is.EqualTo("Counter.cs"));
        Assert.That(StandInLog.Entries.Single(c => c.Member == "Monitor.Exit").Name, Is.EqualTo("Counter._gate"));
        Assert.That(Rewritten.Call(counter, "get_Count"), Is.EqualTo(1));
    }

    [Test]
    public void ExplicitMonitorCalls_OnAStaticField_NameTheField()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("ExplicitMonitor", "EnterAndExit");

        Assert.That(result, Is.EqualTo(1));
        Assert.That(StandInLog.Entries.Select(c => (c.Member, c.Name)), Is.EqualTo(new[]
        {
            ("Monitor.Enter", "ExplicitMonitor.Gate"),
            ("Monitor.Exit", "ExplicitMonitor.Gate"),
        }));
        Assert.That(StandInLog.Entries[0].CallerLine, Is.EqualTo(FixtureSource.LineOf("ExplicitMonitor.cs", "monitor-enter")));
    }

    [Test]
    public void LockStatementOnALock_CallsEnterScope_AndTheNestedScopeTypesDispose()
    {
        object monitor = RewrittenFixtures.WithDoubles.Create("ExplicitMonitor");

        object? total = Rewritten.Call(monitor, "AddUnderLock", 5);

        Assert.That(total, Is.EqualTo(5));
        StandInCall enter = StandInLog.Entries.Single(c => c.Member == "Lock.EnterScope");
        Assert.That(enter.Name, Is.EqualTo("ExplicitMonitor._lock"));
        // Roslyn gives EnterScope no sequence point of its own: the PDB's line before it is the method's opening brace.
        int lockLine = FixtureSource.LineOf("ExplicitMonitor.cs", "lock-scope");
        Assert.That(enter.CallerLine, Is.InRange(lockLine - 1, lockLine));
        Assert.That(StandInLog.Entries.Count(c => c.Member == "Lock.Scope.Dispose"), Is.EqualTo(1));
    }

    [Test]
    public void Constructors_CallNew_WithTheFieldTheObjectIsStoredIn()
    {
        RewrittenFixtures.WithDoubles.Create("ExplicitMonitor");

        Assert.That(StandInLog.Entries.Where(c => c.Member.EndsWith(".New")).Select(c => (c.Member, c.Name)), Is.EquivalentTo(new[]
        {
            ("Lock.New", "ExplicitMonitor._lock"),
            ("SemaphoreSlim.New", "ExplicitMonitor._semaphore"),
            ("SpinLock.New", "ExplicitMonitor._spin"),
        }));
    }

    [Test]
    public void NewThread_CallsNew_WithTheLocalItIsStoredIn_AndStartAndJoinTheirStandIns()
    {
        object? count = RewrittenFixtures.WithDoubles.CallStatic("Counter", "RunLocked", 10);

        Assert.That(count, Is.EqualTo(20));
        StandInCall[] created = StandInLog.Entries.Where(c => c.Member == "Thread.New").ToArray();
        Assert.That(created, Has.Length.EqualTo(2));
        // A Release build keeps `second` on the evaluation stack (no local, so no name in the PDB); `first` is a local.
        Assert.That(created[0].Name, Is.EqualTo("first"));
        Assert.That(created[0].CallerLine, Is.EqualTo(FixtureSource.LineOf("Counter.cs", "counter-thread")));
        Assert.That(StandInLog.Entries.Count(c => c.Member == "Thread.Start"), Is.EqualTo(2));
        Assert.That(StandInLog.Entries.Count(c => c.Member == "Thread.Join"), Is.EqualTo(2));
        Assert.That(StandInLog.Entries.Count(c => c.Member == "Monitor.Enter"), Is.EqualTo(20));
    }

    [Test]
    public void SemaphoreSlimCalls_OnAClassReceiver_CallTheStandIns()
    {
        object monitor = RewrittenFixtures.WithDoubles.Create("ExplicitMonitor");
        StandInLog.Clear();

        object? total = Rewritten.Call(monitor, "AddUnderSemaphore", 3);

        Assert.That(total, Is.EqualTo(3));
        Assert.That(StandInLog.Entries.Where(c => c.Member.StartsWith("SemaphoreSlim")).Select(c => (c.Member, c.Name)), Is.EqualTo(new[]
        {
            ("SemaphoreSlim.Wait", "ExplicitMonitor._semaphore"),
            ("SemaphoreSlim.Release", "ExplicitMonitor._semaphore"),
        }));
    }

    [Test]
    public void StructReceivers_ArePassedByReference_SoTheFieldsSpinLockIsTheOneEntered()
    {
        object monitor = RewrittenFixtures.WithDoubles.Create("ExplicitMonitor");
        StandInLog.Clear();

        object? total = Rewritten.Call(monitor, "AddUnderSpinLock", 4);

        // Exit on a copy of the SpinLock would throw SynchronizationLockException: the stand-in got the field itself.
        Assert.That(total, Is.EqualTo(4));
        Assert.That(StandInLog.Entries.Where(c => c.Member.StartsWith("SpinLock")).Select(c => (c.Member, c.Name)), Is.EqualTo(new[]
        {
            ("SpinLock.Enter", "ExplicitMonitor._spin"),
            ("SpinLock.Exit", "ExplicitMonitor._spin"),
        }));
    }

    [Test]
    public void StructConstructorOnALocal_CallsNew_AndStoresTheResultInTheLocal()
    {
        object? taken = RewrittenFixtures.WithDoubles.CallStatic("ExplicitMonitor", "LocalSpinLock");

        Assert.That(taken, Is.True);
        Assert.That(StandInLog.Entries.Select(c => c.Member), Is.EqualTo(new[] { "SpinLock.New", "SpinLock.Enter", "SpinLock.Exit" }));
    }

    [Test]
    public void MembersOfGenericTypes_CallTheStandInInstantiatedWithTheTypesArguments()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("ExplicitMonitor", "TaskResult");

        Assert.That(result, Is.EqualTo(42));
        Assert.That(StandInLog.Entries.Single().Member, Is.EqualTo("Task.Result"));
        Assert.That(StandInLog.Entries.Single().Name, Is.EqualTo("Int32"));
    }

    [Test]
    public void GenericMethods_CallTheStandInInstantiatedWithTheMethodsArguments()
    {
        object? result = RewrittenFixtures.WithDoubles.CallStatic("ExplicitMonitor", "CompareExchange");

        Assert.That(result, Is.EqualTo("old->new"));
        StandInCall call = StandInLog.Entries.Single();
        Assert.That(call.Member, Is.EqualTo("Interlocked.CompareExchange"));
        Assert.That(call.Target, Is.EqualTo(typeof(string)));
        Assert.That(call.Name, Is.EqualTo("location"));
    }

    [Test]
    public void ConcurrencyMembersWithoutAStandIn_AreLeftAlone_AndReportedAsUncontrolled()
    {
        MethodDefinition method = Il.Method(RewrittenFixtures.WithDoubles.Path, "ExplicitMonitor", "WaitBriefly");

        Assert.That(Il.Calls(method), Does.Contain("System.Threading.Monitor::Wait"));
        Assert.That(RewrittenFixtures.WithDoubles.Report.Uncontrolled,
            Has.Some.StartsWith("System.Threading.Monitor.Wait(Object, Int32) at ExplicitMonitor.cs:"));
    }
}
