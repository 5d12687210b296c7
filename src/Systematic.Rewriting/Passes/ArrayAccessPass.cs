using Lab.Systematic.Rewriting.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Inserts <c>ReadElement</c>/<c>WriteElement</c> hooks before single-dimensional array element loads and stores,
/// and around compound assignments through an element's address (<c>a[i]++</c>, <c>a[i] += v</c> on a value-type
/// array, which C# compiles to <c>ldelema; dup; ldind; ...; stind</c>): a read before the address is taken and a
/// write before the store, so another thread can come in between, as it can in the real program.
/// Not hooked: other uses of <c>ldelema</c> (<c>ref a[i]</c> passed on, whose later loads and stores through the
/// address cannot be told apart from other pointers; Interlocked on an element is controlled by its stand-in),
/// compound assignments whose right-hand side branches, multi-dimensional arrays (their accessors are runtime
/// methods, not element opcodes), and stores into an array created just before (<c>params</c> arrays, collection
/// initializers), which no other thread can see yet.
/// </summary>
public sealed class ArrayAccessPass : IRewritingPass
{
    /// <inheritdoc />
    public string Name => "array accesses";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        ValueOrigins origins = method.Origins();
        IReadOnlyList<(Instruction Address, Instruction Store)> compounds = CompoundAssignments(method);
        var sites = new List<Instruction>();
        foreach (Instruction instruction in method.Snapshot())
        {
            if (IsLoad(instruction.OpCode.Code)) sites.Add(instruction);
            else if (StoredType(method.Definition.Module, instruction) is not null
                     && !origins.IsFresh(instruction, 3, Code.Newarr)) sites.Add(instruction);
        }
        if (sites.Count == 0 && compounds.Count == 0) return 0;
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
        foreach ((Instruction address, Instruction store) in compounds) HookCompound(method, address, store, read, write, nativeInt);
        return sites.Count + compounds.Count;
    }

    /// <summary>
    /// Around <c>ldelema</c> (array and index on the stack): spills both, reports the read, reloads them; before the
    /// matching store (address and value on the stack): spills the value, reports the write, reloads it.
    /// </summary>
    private static void HookCompound(MethodRewrite method, Instruction address, Instruction store, MethodReference read, MethodReference write, TypeReference nativeInt)
    {
        VariableDefinition array = method.Editor.NewTemporary(new ArrayType((TypeReference)address.Operand));
        VariableDefinition index = method.Editor.NewTemporary(nativeInt);
        VariableDefinition value = method.Editor.NewTemporary(StoredThroughAddress(method.Definition.Module, store));
        var before = new List<Instruction>
        {
            Instruction.Create(OpCodes.Stloc, index), Instruction.Create(OpCodes.Stloc, array),
            Instruction.Create(OpCodes.Ldloc, array), Instruction.Create(OpCodes.Ldloc, index), Instruction.Create(OpCodes.Conv_I4),
        };
        before.AddRange(method.PushLocation(address));
        before.AddRange([Instruction.Create(OpCodes.Call, read), Instruction.Create(OpCodes.Ldloc, array), Instruction.Create(OpCodes.Ldloc, index)]);
        var atStore = new List<Instruction>
        {
            Instruction.Create(OpCodes.Stloc, value),
            Instruction.Create(OpCodes.Ldloc, array), Instruction.Create(OpCodes.Ldloc, index), Instruction.Create(OpCodes.Conv_I4),
        };
        atStore.AddRange(method.PushLocation(store));
        atStore.AddRange([Instruction.Create(OpCodes.Call, write), Instruction.Create(OpCodes.Ldloc, value)]);
        method.Editor.InsertBefore(store, atStore);
        method.Editor.InsertBefore(address, before);
    }

    /// <summary>
    /// Each <c>ldelema</c> directly followed by <c>dup</c> whose address is consumed by a store through it in the same
    /// straight run of code (no branch out, no branch in), with that store.
    /// </summary>
    private static List<(Instruction Address, Instruction Store)> CompoundAssignments(MethodRewrite method)
    {
        var found = new List<(Instruction, Instruction)>();
        HashSet<Instruction>? targets = null;
        foreach (Instruction instruction in method.Snapshot())
        {
            if (instruction.OpCode.Code != Code.Ldelema || instruction.Next?.OpCode.Code != Code.Dup) continue;
            if (MethodEditor.FirstPrefixOf(instruction) != instruction) continue;
            targets ??= BranchTargets(method.Definition.Body);
            if (StoreThrough(instruction.Next, targets) is { } store) found.Add((instruction, store));
        }
        return found;
    }

    /// <summary>The store that consumes the address duplicated by <paramref name="dup"/>, walking a straight run of at most 64 instructions.</summary>
    private static Instruction? StoreThrough(Instruction dup, HashSet<Instruction> targets)
    {
        int depth = 2;
        Instruction? current = dup.Next;
        for (int walked = 0; current is not null && walked < 64; walked++, current = current.Next)
        {
            if (targets.Contains(current) || current.OpCode.FlowControl is not (FlowControl.Next or FlowControl.Call)) return null;
            if (depth == 2 && StoresThroughAddress(current.OpCode.Code)) return current;
            if (StackEffect.Of(current) is not { } effect) return null;
            depth += effect.Pushes - effect.Pops;
            if (depth < 1) return null;
        }
        return null;
    }

    private static HashSet<Instruction> BranchTargets(MethodBody body)
    {
        var targets = new HashSet<Instruction>();
        foreach (Instruction instruction in body.Instructions)
        {
            if (instruction.Operand is Instruction target) targets.Add(target);
            else if (instruction.Operand is Instruction[] cases) targets.UnionWith(cases);
        }
        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            foreach (Instruction? boundary in new[] { handler.TryStart, handler.HandlerStart, handler.FilterStart })
                if (boundary is not null) targets.Add(boundary);
        }
        return targets;
    }

    private static bool StoresThroughAddress(Code code) => code is Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 or Code.Stind_I8
        or Code.Stind_I or Code.Stind_R4 or Code.Stind_R8 or Code.Stind_Ref or Code.Stobj;

    /// <summary>The type of the value a store through an address takes off the stack.</summary>
    private static TypeReference StoredThroughAddress(ModuleDefinition module, Instruction store) => store.OpCode.Code switch
    {
        Code.Stind_I1 or Code.Stind_I2 or Code.Stind_I4 => module.TypeSystem.Int32,
        Code.Stind_I8 => module.TypeSystem.Int64,
        Code.Stind_I => module.TypeSystem.IntPtr,
        Code.Stind_R4 => module.TypeSystem.Single,
        Code.Stind_R8 => module.TypeSystem.Double,
        Code.Stind_Ref => module.TypeSystem.Object,
        _ => (TypeReference)store.Operand,
    };

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
