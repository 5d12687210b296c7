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
    /// <summary>
    /// Where the continuation comes from and what it waits for; <see cref="Created"/> is filled when the builder schedules
    /// it. <paramref name="mayRunInline"/>: the await captured no context, so .NET would run it synchronously in whoever
    /// completes a task that allows that (a TaskCompletionSource without RunContinuationsAsynchronously).
    /// </summary>
    internal sealed class Plan(ControlledOperation awaiting, PendingAwait pending, SynchronizationContextModel? context, bool mayRunInline, string? name, string file, int line)
    {
        private Action? _inline;

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
                // The operation stays, blocked on the task, so a task never completed is still a waiter in deadlock reports;
                // if the completer runs the continuation inline, the operation is retired without ever running.
                if (context is null && mayRunInline && !canResume() && pending.Task is { } task &&
                    Interception.ObjectModels.Find<AwaitedTask>(runtime, task) is { InlinesContinuations: true } model)
                {
                    _inline = moveNext;
                    model.RegisterInline(this);
                }
            }
            catch (Exception exception)
            {
                // The builder would rethrow this on the real thread pool and end the process: report it instead.
                runtime.ReportBug(new Detection.BugReport(Detection.BugKind.UnhandledException,
                    $"scheduling the continuation of an await failed: {exception.Message}", awaiting.Name, SourceLocation.Format(file, line), exception.ToString()));
            }
        }

        /// <summary>
        /// The awaited task was just completed by <paramref name="completer"/>: the continuation runs now, on its thread, as
        /// a "resume(X) inline" step at the await's line, unless the completer runs on a SynchronizationContext of its own
        /// (where .NET would not inline either: the continuation then stays a step of its own).
        /// </summary>
        public void RunInline(ControlledRuntime runtime, ControlledOperation completer)
        {
            if (_inline is not { } moveNext || Created is not { Status: OperationStatus.Blocked } resumer) return;
            if (SynchronizationContext.Current is { } current && current.GetType() != typeof(SynchronizationContext)) return;
            _inline = null;
            runtime.Retire(resumer);
            // What the awaiting method did before it suspended happens before its continuation, wherever that runs.
            runtime.Races?.OnJoin(completer, resumer);
            Awaits.Observe(runtime, completer, pending.Task);
            runtime.Record(completer, "resume inline", pending.Resource.Name, file, line);
            moveNext();
            ControlledRuntime.ThrowIfCanceled(runtime);
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
