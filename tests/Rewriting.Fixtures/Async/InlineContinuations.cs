namespace Lab.Rewriting.Fixtures.Async;

/// <summary>
/// A TaskCompletionSource completed under a lock: without RunContinuationsAsynchronously the awaiting method resumes
/// inside SetResult, on the completer's thread and still under its lock, so taking a second lock there can deadlock
/// with a thread that takes the two locks in the other order. With the option the continuation runs on its own.
/// </summary>
public sealed class InlineContinuations
{
    private readonly object _left = new();
    private readonly object _right = new();
    private readonly TaskCompletionSource _ready;

    private InlineContinuations(TaskCreationOptions options) => _ready = new TaskCompletionSource(options);

    /// <summary>The caller completes the source under left while thread B takes right then left: a deadlock through the inline continuation.</summary>
    public static void CompleteUnderALock() => Run(TaskCreationOptions.None);

    /// <summary>The same program with RunContinuationsAsynchronously: the continuation takes right on its own, never under left.</summary>
    public static void CompleteUnderALockWithAsynchronousContinuations() => Run(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Run(TaskCreationOptions options)
    {
        var program = new InlineContinuations(options);
        _ = program.UpdateWhenReadyAsync();
        var b = new Thread(program.LockRightThenLeft) { Name = "B" };
        b.Start();
        lock (program._left)
        {
            program._ready.SetResult(); // @line:inline-set
        }
    }

    private async Task UpdateWhenReadyAsync()
    {
        await _ready.Task; // @line:inline-await
        lock (_right)
        {
        }
    }

    private void LockRightThenLeft()
    {
        lock (_right)
        {
            lock (_left)
            {
            }
        }
    }
}
