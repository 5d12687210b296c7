using System.Globalization;
using Lab.Cli.Commands;

namespace Lab.Cli.Grading;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> of a class, so a CI matrix of <see cref="Count"/> jobs grades it in
/// parallel: the students sorted by folder name (ordinal), the k-th of them (from 0) in shard (k mod n) + 1. Round robin
/// keeps the shards within one student of each other in size; the rule only needs every job to see the same folder.
/// </summary>
/// <param name="Index">Which shard, from 1.</param>
/// <param name="Count">How many shards, at least 1.</param>
public sealed record ClassShard(int Index, int Count)
{
    /// <summary>The rule, as the shard result and the console state it.</summary>
    public const string Rule = "students sorted by folder name (ordinal); the k-th from 0 goes to shard (k mod n) + 1";

    /// <summary>The shard <paramref name="text"/> names ("2/4"); otherwise a one-line <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static ClassShard Parse(string text, string option = "--shard")
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2 && Whole(parts[0]) is { } index && Whole(parts[1]) is { } count && count >= 1 && index >= 1 && index <= count)
        {
            return new ClassShard(index, count);
        }
        throw new UsageException($"{option} takes i/n, shard i of n with 1 <= i <= n (e.g. 1/4); '{text}' is not one");
    }

    /// <summary>The students of this shard, in the order given (the class in ordinal order).</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> classInOrdinalOrder) =>
        classInOrdinalOrder.Where((_, position) => position % Count == Index - 1).ToList();

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";

    private static int? Whole(string digits) =>
        digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
}
