using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Inserts <c>ReadElement</c>/<c>WriteElement</c> hooks before single-dimensional array element loads and stores.
/// Not hooked: <c>ldelema</c> (an element's address, as in <c>a[i]++</c> on a value-type array or <c>ref a[i]</c>,
/// whose later loads and stores through the address cannot be told apart from other pointers), multi-dimensional
/// arrays (their accessors are runtime methods, not element opcodes), and stores into an array created just
/// before (<c>params</c> arrays, collection initializers), which no other thread can see yet.
/// </summary>
public sealed class ArrayAccessPass : IRewritingPass
{
    /// <inheritdoc />
    public string Name => "array accesses";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        Il.ValueOrigins origins = method.Origins();
        var sites = new List<Instruction>();
        foreach (Instruction instruction in method.Snapshot())
        {
            if (IsLoad(instruction.OpCode.Code)) sites.Add(instruction);
            else if (StoredType(method.Definition.Module, instruction) is not null
                     && !origins.IsFresh(instruction, 3, Code.Newarr)) sites.Add(instruction);
        }
        if (sites.Count == 0) return 0;
        MethodReference read = method.Context.Hook("ReadElement");
        MethodReference write = method.Context.Hook("WriteElement");
        TypeReference nativeInt = method.Definition.Module.TypeSystem.IntPtr;
        foreach (Instruction access in sites)
        {
            var code = new List<Instruction>();
            TypeReference? storedType = StoredType(method.Definition.Module, access);
            VariableDefinition? value = storedType is null ? null : method.Editor.NewTemporary(storedType);
            // A native int index temporary takes both int32 and native int indices (IL widens int32 on store).
            VariableDefinition index = method.Editor.NewTemporary(nativeInt);
            if (value is not null) code.Add(Instruction.Create(OpCodes.Stloc, value));
            code.Add(Instruction.Create(OpCodes.Stloc, index));
            code.Add(Instruction.Create(OpCodes.Dup));
            code.Add(Instruction.Create(OpCodes.Ldloc, index));
            code.Add(Instruction.Create(OpCodes.Conv_I4));
            code.AddRange(method.PushLocation(access));
            code.Add(Instruction.Create(OpCodes.Call, value is null ? read : write));
            code.Add(Instruction.Create(OpCodes.Ldloc, index));
            if (value is not null) code.Add(Instruction.Create(OpCodes.Ldloc, value));
            method.Editor.InsertBefore(access, code);
        }
        return sites.Count;
    }

    private static bool IsLoad(Code code) => code is Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2
        or Code.Ldelem_I4 or Code.Ldelem_U4 or Code.Ldelem_I8 or Code.Ldelem_I or Code.Ldelem_R4 or Code.Ldelem_R8
        or Code.Ldelem_Ref or Code.Ldelem_Any;

    /// <summary>The type of the value a store takes off the stack, or null when <paramref name="instruction"/> is not an element store.</summary>
    private static TypeReference? StoredType(ModuleDefinition module, Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 => module.TypeSystem.Int32,
        Code.Stelem_I8 => module.TypeSystem.Int64,
        Code.Stelem_I => module.TypeSystem.IntPtr,
        Code.Stelem_R4 => module.TypeSystem.Single,
        Code.Stelem_R8 => module.TypeSystem.Double,
        Code.Stelem_Ref => module.TypeSystem.Object,
        Code.Stelem_Any => (TypeReference)instruction.Operand,
        _ => null,
    };
}
