using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Lab.Cli.Exercises;

/// <summary>
/// Decodes a type signature for <see cref="ReferenceChecker"/>: every type reference it mentions (so a refused type
/// cannot hide as a generic argument) and, for a generic instance, the name of its generic type.
/// </summary>
public sealed class TypeNameDecoder(MetadataReader metadata) : ISignatureTypeProvider<TypeNameDecoder.Decoded, object?>
{
    /// <summary>A decoded signature: the type references in it, and the generic type's full name (or the type's own).</summary>
    public sealed record Decoded(ImmutableArray<EntityHandle> Refs, string? Generic);

    private static readonly Decoded Nothing = new([], null);

    /// <inheritdoc />
    public Decoded GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = metadata.GetTypeReference(handle);
        string name = metadata.GetString(type.Name);
        string ns = metadata.GetString(type.Namespace);
        string full = type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind).Generic}+{name}"
            : ns.Length == 0 ? name : $"{ns}.{name}";
        return new Decoded([handle], full);
    }

    /// <inheritdoc />
    public Decoded GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Nothing;

    /// <inheritdoc />
    public Decoded GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, context);

    /// <inheritdoc />
    public Decoded GetGenericInstantiation(Decoded genericType, ImmutableArray<Decoded> typeArguments) =>
        new(genericType.Refs.AddRange(typeArguments.SelectMany(a => a.Refs)), genericType.Generic);

    /// <inheritdoc />
    public Decoded GetArrayType(Decoded elementType, ArrayShape shape) => elementType with { Generic = null };

    /// <inheritdoc />
    public Decoded GetSZArrayType(Decoded elementType) => elementType with { Generic = null };

    /// <inheritdoc />
    public Decoded GetByReferenceType(Decoded elementType) => elementType;

    /// <inheritdoc />
    public Decoded GetPointerType(Decoded elementType) => elementType with { Generic = null };

    /// <inheritdoc />
    public Decoded GetPinnedType(Decoded elementType) => elementType;

    /// <inheritdoc />
    public Decoded GetModifiedType(Decoded modifier, Decoded unmodifiedType, bool isRequired) =>
        new(unmodifiedType.Refs.AddRange(modifier.Refs), unmodifiedType.Generic);

    /// <inheritdoc />
    public Decoded GetFunctionPointerType(MethodSignature<Decoded> signature) =>
        new(signature.ParameterTypes.Append(signature.ReturnType).SelectMany(t => t.Refs).ToImmutableArray(), null);

    /// <inheritdoc />
    public Decoded GetGenericMethodParameter(object? context, int index) => Nothing;

    /// <inheritdoc />
    public Decoded GetGenericTypeParameter(object? context, int index) => Nothing;

    /// <inheritdoc />
    public Decoded GetPrimitiveType(PrimitiveTypeCode typeCode) => Nothing;
}
