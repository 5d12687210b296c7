using Lab.Scenarios;
using Lab.Systematic.Detection;
using Lab.Systematic.NUnit;
using Lab.Systematic.Testing;

namespace Lab.Hazards.Tests;

/// <summary>
/// The async family beyond the generic catalogue tests: each bug is pinned to the line of the scenario's source that
/// causes it, and the traces read as async code does (awaits that suspend, continuations that resume).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AsyncScenarioTests
{
    [Test]
    public void SyncOverAsyncDeadlock_Buggy_TraceShowsTheAwaitsSuspending_ThenTheUiThreadBlockingInResult()
    {
        TestReport report = ExploreBuggy("async/sync-over-async-deadlock");

        int result = SourceLine("SyncOverAsyncDeadlock.cs", "public string Refresh() => SummaryAsync().Result; // blocks the UI thread");
        int forecast = SourceLine("SyncOverAsyncDeadlock.cs", "await Task.Delay(10); // resumes on the UI context");
        Assert.That(report, Finds.Deadlock().Mentioning("wait for each other"));
        Assert.That(Steps(report), Does.Contain($"await(Task.Delay(10)) suspends at SyncOverAsyncDeadlock.cs:{forecast}")
            .And.Contain($"Task.Result(SummaryAsync) blocks at SyncOverAsyncDeadlock.cs:{result}"));
    }

    [Test]
    public void AsyncVoidLostException_Buggy_NamesTheHandler_AndTheLineThatThrew()
    {
        TestReport report = ExploreBuggy("async/async-void-lost-exception");

        int line = SourceLine("AsyncVoidLostException.cs", "if (_closed) throw new ObjectDisposedException(");
        Assert.That(report, Finds.UnhandledException().Mentioning($"escaped async void OnSaveClicked at AsyncVoidLostException.cs:{line}"));
        Assert.That(report.Bug!.Location, Is.EqualTo($"AsyncVoidLostException.cs:{line}"));
    }

    [Test]
    public void MissingAwait_Buggy_TraceShowsTheCheckResumingBeforeTheDelayedWrite()
    {
        TestReport report = ExploreBuggy("async/missing-await");

        int write = SourceLine("MissingAwait.cs", "await Task.Delay(5); // the round trip");
        Assert.That(report, Finds.AssertionFailure().Mentioning("after RenameAsync(\"bob\") completed"));
        Assert.That(report.Bug!.Location, Is.EqualTo($"MissingAwait.cs:{SourceLine("MissingAwait.cs", "Specification.Assert(name == \"bob\"")}"));
        Assert.That(Steps(report), Does.Contain($"await(Task.Delay(5)) suspends at MissingAwait.cs:{write}"));
        Assert.That(Steps(report).Any(s => s.StartsWith("resume(", StringComparison.Ordinal)), Is.True, "a continuation resumes in the trace");
    }

    [Test]
    public void AsyncLockReleasedUnacquired_Buggy_TheOverfullReleaseIsTheFinallysRelease_AfterAWaitTimedOut()
    {
        TestReport report = ExploreBuggy("async/async-lock-released-unacquired");

        int release = SourceLine("AsyncLockReleasedUnacquired.cs", "_lock.Release(); // also on the timed-out path");
        int wait = SourceLine("AsyncLockReleasedUnacquired.cs", "if (!await _lock.WaitAsync(10)) return false; // timed out: did not acquire");
        Assert.That(report, Finds.UnhandledException().Mentioning("SemaphoreFullException"));
        Assert.That(report.Bug!.StackTrace, Does.Contain($"AsyncLockReleasedUnacquired.cs:line {release}"));
        Assert.That(report.Bug.Location, Is.EqualTo($"AsyncLockReleasedUnacquired.cs:{release}"));
        Assert.That(Steps(report), Does.Contain($"Wait(Buggy._lock) timed out at AsyncLockReleasedUnacquired.cs:{wait}"));
    }

    [Test]
    public void TcsInlineContinuationDeadlock_Buggy_ThePublisherResumesTheSubscriberInline_UnderTheFeedLock()
    {
        TestReport report = ExploreBuggy("async/tcs-inline-continuation-deadlock");

        int awaitLine = SourceLine("TcsInlineContinuationDeadlock.cs", "int price = await next.Task;");
        int setResult = SourceLine("TcsInlineContinuationDeadlock.cs", "next.SetResult(price); // runs an inline continuation");
        Assert.That(report, Finds.Deadlock().Mentioning("Publisher holds Feed._feed and waits for Feed._statistics"));
        var steps = report.Trace!.Steps.Select(s => $"{report.Trace.Operations[s.Operation]}: {s.Describe()} at {s.Location}").ToList();
        int completed = steps.IndexOf($"Publisher: SetResult(TaskCompletionSource) at TcsInlineContinuationDeadlock.cs:{setResult}");
        int resumed = steps.IndexOf($"Publisher: resume(TaskCompletionSource) inline at TcsInlineContinuationDeadlock.cs:{awaitLine}");
        Assert.That(completed, Is.GreaterThanOrEqualTo(0).And.EqualTo(resumed - 1), string.Join(Environment.NewLine, steps));
    }

    [Test]
    public void GetOrAddFactoryLeak_Buggy_TraceShowsBothFactoriesOpeningAConnection()
    {
        TestReport report = ExploreBuggy("async/get-or-add-factory-leak");

        int open = SourceLine("GetOrAddFactoryLeak.cs", "_number = Interlocked.Increment(ref counters.Opened);");
        Assert.That(report, Finds.AssertionFailure().Mentioning("opened 2 connections to 'db' but disposed 1"));
        Assert.That(Steps(report).Count(s => s.EndsWith($"GetOrAddFactoryLeak.cs:{open}", StringComparison.Ordinal)), Is.EqualTo(2), "two factories opened");
    }

    [Test]
    public void CancelDisposedSource_Buggy_ThrowsFromTheCancelAfterTheCheck()
    {
        TestReport report = ExploreBuggy("async/cancel-disposed-source");

        int cancel = SourceLine("CancelDisposedSource.cs", "if (!Volatile.Read(ref _completed)) _cts.Cancel();");
        int dispose = SourceLine("CancelDisposedSource.cs", "_cts.Dispose(); // a Cancel that already passed its check");
        Assert.That(report, Finds.UnhandledException().Mentioning("ObjectDisposedException"));
        Assert.That(report.Bug!.StackTrace, Does.Contain($"CancelDisposedSource.cs:line {cancel}"));
        Assert.That(report.Bug.Location, Is.EqualTo($"CancelDisposedSource.cs:{cancel}"));
        var steps = Steps(report).ToList();
        int disposed = steps.IndexOf($"Dispose(Buggy._cts) at CancelDisposedSource.cs:{dispose}");
        int cancelled = steps.IndexOf($"Cancel(Buggy._cts) at CancelDisposedSource.cs:{cancel}");
        Assert.That(disposed, Is.GreaterThanOrEqualTo(0).And.LessThan(cancelled), string.Join(Environment.NewLine, steps));
    }

    private static TestReport ExploreBuggy(string id)
    {
        IScenario scenario = ScenarioCatalog.Find(id);
        return TestingEngine.Explore($"{id} (buggy)", scenario.Harness(scenario.Factory(Variant.Buggy)), ScenarioCases.Budget(scenario).WithSeed(3));
    }

    private static IEnumerable<string> Steps(TestReport report) => report.Trace!.Steps.Select(s => $"{s.Describe()} at {s.Location}");

    /// <summary>The 1-based line of src/Scenarios/Async/<paramref name="file"/> holding <paramref name="fragment"/> (exactly one).</summary>
    private static int SourceLine(string file, string fragment)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "Scenarios", "Async", file));
        int[] matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(fragment, StringComparison.Ordinal)).ToArray();
        Assert.That(matches, Has.Length.EqualTo(1), $"'{fragment}' in {file}");
        return matches[0] + 1;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lab.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"no folder above {TestContext.CurrentContext.TestDirectory} holds Lab.sln");
    }
}
