using Lab.Systematic.Runtime;

namespace Lab.Systematic.Async;

/// <summary>
/// What an await that found its awaitable unfinished is waiting for, noted by GetAwaiter (or Task.Yield) and taken by
/// the async method builder's AwaitUnsafeOnCompleted that immediately follows it in compiled code.
/// </summary>
internal sealed record PendingAwait(ControlledOperation Operation, int StepsTaken, IWaitResource Resource, Task? Task, Func<bool> IsComplete, bool ContinueOnCapturedContext = true);
