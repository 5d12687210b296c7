using Mono.Cecil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>
/// Replaces a member signature's generic parameters (<c>!0</c>, <c>!!0</c>) by the arguments of the instance the
/// code uses (<c>List&lt;int&gt;</c>), to type the temporaries that hold spilled arguments and stored values.
/// </summary>
public static class GenericSubstitution
{
    /// <summary><paramref name="type"/> with the declaring type's and the method's generic parameters replaced.</summary>
    public static TypeReference Apply(TypeReference type, IGenericInstance? typeArguments, IGenericInstance? methodArguments)
    {
        switch (type)
        {
            case GenericParameter { Type: GenericParameterType.Type } parameter when typeArguments is not null:
                return typeArguments.GenericArguments[parameter.Position];
            case GenericParameter { Type: GenericParameterType.Method } parameter when methodArguments is not null:
                return methodArguments.GenericArguments[parameter.Position];
            case ByReferenceType byReference:
                return new ByReferenceType(Apply(byReference.ElementType, typeArguments, methodArguments));
            case PointerType pointer:
                return new PointerType(Apply(pointer.ElementType, typeArguments, methodArguments));
            case ArrayType array:
                return array.IsVector
                    ? new ArrayType(Apply(array.ElementType, typeArguments, methodArguments))
                    : new ArrayType(Apply(array.ElementType, typeArguments, methodArguments), array.Rank);
            case RequiredModifierType required:
                return new RequiredModifierType(required.ModifierType, Apply(required.ElementType, typeArguments, methodArguments));
            case OptionalModifierType optional:
                return new OptionalModifierType(optional.ModifierType, Apply(optional.ElementType, typeArguments, methodArguments));
            case GenericInstanceType instance:
                var substituted = new GenericInstanceType(instance.ElementType);
                foreach (TypeReference argument in instance.GenericArguments)
                    substituted.GenericArguments.Add(Apply(argument, typeArguments, methodArguments));
                return substituted;
            default:
                return type;
        }
    }

    /// <summary>The type of the value a field holds, as seen through <paramref name="field"/>'s declaring instance.</summary>
    public static TypeReference FieldType(FieldReference field) =>
        Apply(field.FieldType, field.DeclaringType as GenericInstanceType, null);

    /// <summary>The type of parameter <paramref name="index"/> of <paramref name="method"/>, as seen at the call site.</summary>
    public static TypeReference ParameterType(MethodReference method, int index) =>
        Apply(method.Parameters[index].ParameterType, method.DeclaringType as GenericInstanceType, method as GenericInstanceMethod);
}
