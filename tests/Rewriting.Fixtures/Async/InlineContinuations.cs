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

    /// <summary>The inline continuation as before, but B takes the locks in the same order, left then right: never a deadlock.</summary>
    public static void CompleteUnderALockWithOneLockOrder() => Run(TaskCreationOptions.None, sameOrder: true);

    /// <summary>An async test body awaiting a method that awaits a source nobody completes.</summary>
    public static async Task AwaitWhatNobodyCompletes()
    {
        var program = new InlineContinuations(TaskCreationOptions.None);
        await program.UpdateWhenReadyAsync();
    }

    private static void Run(TaskCreationOptions options, bool sameOrder = false)
    {
        var program = new InlineContinuations(options);
        _ = program.UpdateWhenReadyAsync();
        var b = new Thread(sameOrder ? program.LockLeftThenRight : program.LockRightThenLeft) { Name = "B" };
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

    private void LockLeftThenRight()
    {
        lock (_left)
        {
            lock (_right)
            {
            }
        }
    }
}
