// A student's fix of the async-once exercise: an async lock (SemaphoreSlim.WaitAsync) around the check and the
// awaited load, so one caller loads while the others wait; a failed load leaves no value, so the next call retries.
using System.Threading;
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _value;

    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        await _gate.WaitAsync();
        try
        {
            if (_value is null)
            {
                _value = await load();
            }
            return _value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
