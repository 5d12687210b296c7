using System.Runtime.CompilerServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// Nondeterministic choices the strategy resolves and the trace records, for inputs a test wants explored (which
/// account, which order). Outside an exploration they are random.
/// </summary>
public static class Choice
{
    /// <summary>A boolean the strategy chooses.</summary>
    public static bool NextBoolean([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (ControlledRuntime.Current is not { } runtime) return Random.Shared.Next(2) == 1;
        ControlledOperation operation = runtime.Enter("Choice.NextBoolean");
        bool value = runtime.ChooseBoolean(operation);
        runtime.Record(operation, "choose", "bool", file, line, value ? 1 : 0);
        return value;
    }

    /// <summary>An integer in [0, <paramref name="maxValue"/>) the strategy chooses.</summary>
    public static int NextInteger(int maxValue, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (maxValue <= 0) throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "must be positive");
        if (ControlledRuntime.Current is not { } runtime) return Random.Shared.Next(maxValue);
        ControlledOperation operation = runtime.Enter("Choice.NextInteger");
        int value = runtime.ChooseInteger(operation, maxValue);
        runtime.Record(operation, "choose", "int", file, line, value);
        return value;
    }
}
