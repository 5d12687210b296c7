using System.Threading.Tasks;
using Lab.Cli.Exercises.Contracts;

namespace References;

/// <summary>Checks for a value, awaits the load, then stores it: a second caller checks while the first is awaiting, and loads again.</summary>
public sealed class AsyncOnceBuggy : IAsyncOnce
{
    private string? _value;

    /// <inheritdoc />
    public async Task<string> GetAsync(Func<Task<string>> load)
    {
        if (_value is null)
        {
            _value = await load();
        }
        return _value;
    }
}
