using Lab.Systematic.Rewriting.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Inserts <c>ReadField</c>/<c>WriteField</c> hooks before field loads and stores of shared memory, so each access is
/// a scheduling point the race detector sees. <c>count++</c> becomes read hook, <c>ldfld</c>, add, write hook,
/// <c>stfld</c>: a thread can be preempted between the read and the write, which is how the lost update is found.
/// </summary>
public sealed class FieldAccessPass : IRewritingPass
{
    private const string ThreadStaticAttribute = "System.ThreadStaticAttribute";
    private const string AsyncStateMachine = "System.Runtime.CompilerServices.IAsyncStateMachine";

    /// <inheritdoc />
    public string Name => "field accesses";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        ValueOrigins origins = method.Origins();
        var sites = new List<(Instruction Access, FieldReference Field)>();
        foreach (Instruction instruction in method.Snapshot())
        {
            if (instruction.OpCode.Code is not (Code.Ldfld or Code.Stfld or Code.Ldsfld or Code.Stsfld)) continue;
            var field = (FieldReference)instruction.Operand;
            FieldDefinition definition = Resolve(method, instruction, field);
            if (!IsShared(method, origins, instruction, definition)) continue;
            sites.Add((instruction, field));
        }
        MethodReference read = method.Context.Hook("ReadField");
        MethodReference write = method.Context.Hook("WriteField");
        foreach ((Instruction access, FieldReference field) in sites)
        {
            var code = new List<Instruction>();
            VariableDefinition? value = null;
            switch (access.OpCode.Code)
            {
                case Code.Ldfld:
                    code.Add(Instruction.Create(OpCodes.Dup));
                    break;
                case Code.Stfld:
                    // The value is on top of the owner: park it in a temporary, hook with the owner, put it back.
                    value = method.Editor.NewTemporary(GenericSubstitution.FieldType(field));
                    code.Add(Instruction.Create(OpCodes.Stloc, value));
                    code.Add(Instruction.Create(OpCodes.Dup));
                    break;
                default:
                    code.Add(Instruction.Create(OpCodes.Ldnull));
                    break;
            }
            code.Add(Instruction.Create(OpCodes.Ldstr, FieldNames.Of(field)));
            code.AddRange(method.PushLocation(access));
            code.Add(Instruction.Create(OpCodes.Call, access.OpCode.Code is Code.Ldfld or Code.Ldsfld ? read : write));
            if (value is not null) code.Add(Instruction.Create(OpCodes.Ldloc, value));
            method.Editor.InsertBefore(access, code);
        }
        return sites.Count;
    }

    private static FieldDefinition Resolve(MethodRewrite method, Instruction instruction, FieldReference field)
    {
        try
        {
            if (field.Resolve() is { } definition) return definition;
        }
        catch (AssemblyResolutionException exception)
        {
            throw method.Error(instruction, $"cannot resolve {field.FullName}: assembly {exception.AssemblyReference.Name} not found; pass its folder as a search directory (--search).");
        }
        throw method.Error(instruction, $"cannot resolve {field.FullName} (is the referenced assembly the one the code was compiled against?).");
    }

    /// <summary>False for the accesses docs/rewriting.md skips; each rule says why the access cannot race.</summary>
    private static bool IsShared(MethodRewrite method, ValueOrigins origins, Instruction access, FieldDefinition field)
    {
        TypeDefinition owner = field.DeclaringType;
        // Literals never reach IL as field loads, but a stray one has no memory to race on.
        if (field.IsLiteral) return false;
        // readonly fields are written only while the object is being constructed, before it can be shared.
        if (field.IsInitOnly) return false;
        // A struct's fields live wherever the struct lives (a local, a copy on the stack, or inside an object whose
        // own field access is hooked); the access goes through an address or a copy that the hook cannot name.
        if (owner.IsValueType) return false;
        // Each thread has its own copy of a [ThreadStatic] field.
        if (field.CustomAttributes.Any(a => a.AttributeType.FullName == ThreadStaticAttribute)) return false;
        // An async state machine's fields are its hoisted locals: only the one logical flow running it touches them.
        if (owner.Interfaces.Any(i => i.InterfaceType.FullName == AsyncStateMachine)) return false;
        // The compiler's lambda cache (<>c.<>9__0_0) races benignly by design: both threads store equal delegates.
        if (owner.Name == "<>c" && owner.IsNested) return false;

        MethodDefinition current = method.Definition;
        if (current.IsConstructor && current.DeclaringType == owner)
        {
            // The type initializer runs once, under the runtime's own lock, before anyone else sees the statics.
            if (current.IsStatic && field.IsStatic) return false;
            // this's fields in its own constructor: the object is not yet shared (unless the constructor leaks this).
            if (!current.IsStatic && !field.IsStatic && IsThis(method, origins.ProducerOf(access, ReceiverDepth(access)))) return false;
        }
        // Fields of an object created just before (object initializers: newobj; dup; stfld) are not yet shared.
        if (!field.IsStatic && origins.IsFresh(access, ReceiverDepth(access), Code.Newobj)) return false;
        return true;
    }

    private static int ReceiverDepth(Instruction access) => access.OpCode.Code == Code.Stfld ? 2 : 1;

    private static bool IsThis(MethodRewrite method, Instruction? producer) =>
        producer is { OpCode.Code: Code.Ldarg } && producer.Operand == method.Definition.Body.ThisParameter;
}
