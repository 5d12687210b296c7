// Non-solution: never loads.
using System.Threading;
using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace Exercises;

public sealed class AsyncOnce : IAsyncOnce
{
    public Task<string> GetAsync(Func<Task<string>> load) => Task.FromResult("");
}
