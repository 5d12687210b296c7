using Lab.Systematic.Detection;

namespace Lab.Scenarios.Async;

/// <summary>A download the user can cancel; when it completes, it disposes its CancellationTokenSource.</summary>
public interface IDownload
{
    /// <summary>The user pressed Cancel: cancels the download unless it has completed.</summary>
    void Cancel();

    /// <summary>The download completed: it will not be cancelled any more, and its source is disposed.</summary>
    void Complete();
}

/// <summary>The user presses Cancel just as the download completes: both orders are fine.</summary>
public sealed class CancelDisposedSource : AsyncScenario<IDownload, CancelDisposedSource.Buggy, CancelDisposedSource.Fixed>
{
    /// <inheritdoc />
    public override string Id => "async/cancel-disposed-source";

    /// <inheritdoc />
    public override string Title => "Cancel checks then cancels a CancellationTokenSource disposed in between";

    /// <inheritdoc />
    public override string BugExplanation =>
        "Cancel checks the completed flag, then calls _cts.Cancel(); Complete sets the flag and disposes _cts.\n" +
        "A Complete between the check and the Cancel leaves Cancel calling a disposed source: ObjectDisposedException.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "One lock around the check-and-cancel and around the flag-and-dispose: Cancel then sees either a live\n" +
        "source it may cancel, or the completed flag, never a disposed source.";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.UnhandledException;

    /// <inheritdoc />
    public override string Oracle => "Cancel and Complete, in either order or overlapping, throw nothing";

    /// <summary>
    /// Two Task.Run bodies, the WhenAll and the resumes interleave freely: unbounded DFS takes 17,000 schedules, so DFS and
    /// DPOR are bounded to schedules with at most 3 preemptions (about 1,200 schedules).
    /// </summary>
    public override int? FixedDfsPreemptionBound => 3;

    /// <inheritdoc />
    protected override async Task RunAsync(IDownload download)
    {
        Task user = Task.Run(download.Cancel);
        Task network = Task.Run(download.Complete);
        await Task.WhenAll(user, network);
    }

    /// <summary>Checks a flag, then acts on the source: check-then-act against the disposal.</summary>
    public sealed class Buggy : IDownload
    {
        private readonly CancellationTokenSource _cts = new();
        private bool _completed;

        /// <inheritdoc />
        public void Cancel()
        {
            if (!Volatile.Read(ref _completed)) _cts.Cancel(); // Complete can dispose _cts between the check and the call
        }

        /// <inheritdoc />
        public void Complete()
        {
            Volatile.Write(ref _completed, true);
            _cts.Dispose(); // a Cancel that already passed its check will call a disposed source
        }
    }

    /// <summary>Checks and acts under one lock, and disposes under it.</summary>
    public sealed class Fixed : IDownload
    {
        private readonly object _gate = new();
        private readonly CancellationTokenSource _cts = new();
        private bool _completed;

        /// <inheritdoc />
        public void Cancel()
        {
            lock (_gate)
            {
                if (!_completed) _cts.Cancel();
            }
        }

        /// <inheritdoc />
        public void Complete()
        {
            lock (_gate)
            {
                _completed = true;
                _cts.Dispose();
            }
        }
    }
}
