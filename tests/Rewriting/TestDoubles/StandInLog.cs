using System.Collections.Concurrent;

namespace Lab.Rewriting.Tests.TestDoubles;

/// <summary>What the test doubles saw: every stand-in and hook call of rewritten fixture code, in order.</summary>
public static class StandInLog
{
    private static readonly ConcurrentQueue<StandInCall> Calls = new();

    /// <summary>Every call since the last <see cref="Clear"/>.</summary>
    public static IReadOnlyList<StandInCall> Entries => Calls.ToArray();

    /// <summary>Forgets every call.</summary>
    public static void Clear() => Calls.Clear();

    /// <summary>Records one call.</summary>
    public static void Add(string member, string? name, string callerFile, int callerLine, object? target = null, int index = -1) =>
        Calls.Enqueue(new StandInCall(member, name, callerFile, callerLine, target, index));
}

/// <summary>One call a test double saw: which member, the name it was given (resource, field, collection member) and where.</summary>
public sealed record StandInCall(string Member, string? Name, string CallerFile, int CallerLine, object? Target, int Index);
