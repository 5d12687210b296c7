using System.Runtime.CompilerServices;

namespace Lab.Systematic.Interception;

/// <summary>
/// A plain memory location touched by rewritten code: a field of one object (or a static field, with no owner), one
/// element of one array, or a whole non-thread-safe collection. Owners compare by identity, so two equal objects are
/// two locations, as they are in memory.
/// </summary>
internal readonly struct MemoryLocation : IEquatable<MemoryLocation>
{
    /// <summary>The index that marks a field location.</summary>
    public const int Field = -1;

    /// <summary>The index that marks a whole-collection location.</summary>
    public const int Collection = -2;

    public MemoryLocation(object? owner, string? field, int index)
    {
        Owner = owner;
        FieldName = field;
        Index = index;
    }

    /// <summary>The object, array or collection; null for a static field.</summary>
    public object? Owner { get; }

    /// <summary>"Type.field" for a field location; null otherwise.</summary>
    public string? FieldName { get; }

    /// <summary>The element index, or <see cref="Field"/> or <see cref="Collection"/>.</summary>
    public int Index { get; }

    public bool Equals(MemoryLocation other) =>
        ReferenceEquals(Owner, other.Owner) && Index == other.Index && string.Equals(FieldName, other.FieldName);

    public override bool Equals(object? obj) => obj is MemoryLocation other && Equals(other);

    /// <summary>
    /// Identity hash of the owner mixed with the index and a cheap hash of the field name (its length and last
    /// character: names come from IL string literals, so hashing every character on each access would buy nothing).
    /// </summary>
    public override int GetHashCode()
    {
        int field = FieldName is { Length: > 0 } name ? name.Length * 397 ^ name[^1] : 0;
        return RuntimeHelpers.GetHashCode(Owner) * 31 ^ Index * 7919 ^ field;
    }
}
