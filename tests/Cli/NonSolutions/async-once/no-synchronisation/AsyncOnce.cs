// Non-solution: caches the load's task, but checks and stores it without synchronisation.
using System.Threading;
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    private Task<string>? _load;

    public Task<string> GetAsync(Func<Task<string>> load)
    {
        _load ??= load();
        return _load;
    }
}
