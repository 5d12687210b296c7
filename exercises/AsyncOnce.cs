// Exercise "async-once" (scenario races/async-once, async C#)
//
// GetAsync loads a value once and hands it to every caller. Two callers that overlap both run the
// loader: the first checks '_value is null', starts the load and awaits it; while it awaits, the
// second caller checks too, still sees null, and loads again. Make GetAsync run the loader once for
// callers that overlap, give them all its value, and let a failed load be retried by the next call
// (its callers see the failure; it is not remembered forever).
//
// Check your fix (from the repository root):
//   dotnet test tests/Exercises -e LAB_EXERCISES=exercises --filter Name~async-once
// Rules: ordinary async C# (async/await on Task and ValueTask, Task.Run, Task.Yield, Task.WhenAll,
// TaskCompletionSource, SemaphoreSlim.WaitAsync, 'lock' outside an await, Interlocked, plain fields);
// the grader rewrites it so the explorer controls every step and every continuation. Custom awaiters,
// async streams, timers, channels, files, the network, reflection and the console are refused.
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

/// <summary>An async "once": the value of one load, shared by every caller.</summary>
public sealed class AsyncOnce : IAsyncOnce
{
    private string? _value;

    /// <summary>The loaded value; the first call loads it.</summary>
    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        if (_value is null)
        {
            _value = await load();
        }
        return _value;
    }
}
