// A student's attempt at the async-once exercise: the check and the store are each under the lock, but the await
// between them is not (a lock cannot be held across an await), so two overlapping callers still both load.
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    private readonly object _gate = new();
    private string? _value;

    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        lock (_gate)
        {
            if (_value is not null) return _value;
        }
        string loaded = await load();
        lock (_gate)
        {
            _value = loaded;
        }
        return loaded;
    }
}
