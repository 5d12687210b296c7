using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// The awaiter the engine hands to the real async method builder in place of the awaited one: the builder boxes the
/// state machine as usual and gives us its MoveNext, which becomes a controlled operation that starts blocked on what
/// was awaited. Who resumes, and when, is then the strategy's choice like any other step.
/// </summary>
internal readonly struct ContinuationOperation(ContinuationOperation.Plan plan) : ICriticalNotifyCompletion
{
    /// <summary>Where the continuation comes from and what it waits for; <see cref="Created"/> is filled when the builder schedules it.</summary>
    internal sealed class Plan(ControlledOperation awaiting, PendingAwait pending, SynchronizationContextModel? context, string? name, string file, int line)
    {
        public ControlledOperation? Created { get; private set; }

        public void Schedule(Action moveNext)
        {
            ControlledRuntime runtime = awaiting.Runtime;
            try
            {
                ControlledOperation resumer = runtime.CreateOperation(() => Resume(runtime, moveNext), name, awaiting);
                // Blocked from the start, so a continuation whose awaitable is unfinished costs no decision until it can run;
                // one that captured a single-threaded context also waits for the context to be free.
                Func<bool> canResume = context is null ? pending.IsComplete : () => pending.IsComplete() && context.IsFree;
                if (!canResume()) resumer.BlockOn(context is null ? pending.Resource : new OnContext(pending, context), "await", canResume, timed: false);
                Created = resumer;
            }
            catch (Exception exception)
            {
                // The builder would rethrow this on the real thread pool and end the process: report it instead.
                runtime.ReportBug(new Detection.BugReport(Detection.BugKind.UnhandledException,
                    $"scheduling the continuation of an await failed: {exception.Message}", awaiting.Name, SourceLocation.Format(file, line), exception.ToString()));
            }
        }

        private void Resume(ControlledRuntime runtime, Action moveNext)
        {
            ControlledOperation self = runtime.Enter("await");
            self.Unblock();
            Awaits.Observe(runtime, self, pending.Task);
            runtime.Record(self, "resume", pending.Resource.Name, file, line);
            if (context is null)
            {
                moveNext();
                return;
            }
            context.Holder = self;
            SynchronizationContext.SetSynchronizationContext(context.Context);
            try
            {
                moveNext();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(null);
                if (context.Holder == self) context.Holder = null;
            }
        }
    }

    /// <summary>What a continuation that captured a context waits for: the awaited task, then the context.</summary>
    private sealed class OnContext(PendingAwait pending, SynchronizationContextModel context) : IWaitResource
    {
        public string Name => pending.IsComplete() ? context.Name : pending.Resource.Name;

        public IEnumerable<ControlledOperation> Holders => pending.IsComplete() ? context.Holders : pending.Resource.Holders;

        public string DescribeState() => pending.IsComplete() ? context.DescribeState() : pending.Resource.DescribeState();
    }

    public bool IsCompleted => false;

    public void OnCompleted(Action continuation) => plan.Schedule(continuation);

    public void UnsafeOnCompleted(Action continuation) => plan.Schedule(continuation);

    public void GetResult()
    {
    }
}
