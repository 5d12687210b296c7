// Non-solution: caches the load's task under a lock, so overlapping callers share it, but a failed load stays cached forever.
using System.Threading;
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    private readonly object _gate = new();
    private Task<string>? _load;

    public Task<string> GetAsync(Func<Task<string>> load)
    {
        lock (_gate)
        {
            _load ??= load();
            return _load;
        }
    }
}
