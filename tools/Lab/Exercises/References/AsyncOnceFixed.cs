using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace References;

/// <summary>Caches the load's task, not its value, under a lock: overlapping callers await the same load; a failed load is forgotten.</summary>
public sealed class AsyncOnceFixed : IAsyncOnce
{
    private readonly object _gate = new();
    private Task<string>? _load;

    /// <inheritdoc />
    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        Task<string> shared;
        lock (_gate)
        {
            _load ??= load();
            shared = _load;
        }
        try
        {
            return await shared;
        }
        catch
        {
            lock (_gate)
            {
                if (_load == shared) _load = null;
            }
            throw;
        }
    }
}
