namespace Lab.Cli.Exercises.Contracts;

/// <summary>
/// An async "once": the value of one load, shared by every caller. The contract of the async-once exercise, here rather
/// than in Lab.Scenarios because its harness explores async code that only a rewritten assembly can run controlled.
/// </summary>
public interface IAsyncOnce
{
    /// <summary>
    /// The loaded value. The first call starts <paramref name="load"/>; calls that overlap it, and calls after it
    /// succeeded, get its value without loading again; after a failed load the failure reaches the callers of that
    /// load, and the next call loads again.
    /// </summary>
    Task<string> GetAsync(Func<Task<string>> load);
}
