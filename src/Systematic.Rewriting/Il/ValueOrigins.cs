using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>
/// Names where a value on the stack came from ("Account._gate", "gate") by a short backward walk over straight-line
/// code, for the <c>resourceName</c> hooks show in traces. A guess that fails returns null: names are for people, the
/// rewriting never depends on them.
/// </summary>
public sealed class ValueOrigins
{
    private const int WalkLimit = 64;
    private const int LocalHops = 4;
    private readonly MethodDefinition _method;
    private readonly HashSet<Instruction> _joinPoints = [];

    /// <summary>Prepares the walk for <paramref name="method"/>: values are not followed back across branch targets.</summary>
    public ValueOrigins(MethodDefinition method)
    {
        _method = method;
        foreach (Instruction instruction in method.Body.Instructions)
        {
            if (instruction.Operand is Instruction target) _joinPoints.Add(target);
            if (instruction.Operand is Instruction[] targets) _joinPoints.UnionWith(targets);
        }
        foreach (ExceptionHandler handler in method.Body.ExceptionHandlers)
        {
            if (handler.HandlerStart is not null) _joinPoints.Add(handler.HandlerStart);
            if (handler.FilterStart is not null) _joinPoints.Add(handler.FilterStart);
        }
    }

    /// <summary>
    /// The instruction that pushed the value <paramref name="depth"/> slots from the top (1 = top) just before
    /// <paramref name="consumer"/> runs, looking through <c>dup</c> and casts; null when the walk cannot tell.
    /// </summary>
    public Instruction? ProducerOf(Instruction consumer, int depth) => ProducerOf(consumer, depth, through: null);

    /// <summary>
    /// True when the value <paramref name="depth"/> slots from the top before <paramref name="consumer"/> was created
    /// by an instruction of kind <paramref name="creation"/> (<c>newobj</c>, <c>newarr</c>) so recently that no other
    /// thread can have seen it: between the two there are only copies (<c>dup</c>), constant and argument loads, and
    /// stores into the new object itself (object, collection and array initializers). Any call, allocation or store
    /// elsewhere in between might publish it, and the answer is false.
    /// </summary>
    public bool IsFresh(Instruction consumer, int depth, Code creation) =>
        ProducerOf(consumer, depth, IsInitializerStep) is { } producer && producer.OpCode.Code == creation;

    private static bool IsInitializerStep(Instruction instruction) => instruction.OpCode.Code is Code.Dup or Code.Ldc_I4 or Code.Ldc_I8
        or Code.Ldc_R4 or Code.Ldc_R8 or Code.Ldstr or Code.Ldnull or Code.Ldarg or Code.Ldloc or Code.Box or Code.Stfld
        or Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R4
        or Code.Stelem_R8 or Code.Stelem_Ref or Code.Stelem_Any or Code.Nop
        || instruction.OpCode.Code.ToString().StartsWith("Conv_", StringComparison.Ordinal);

    private Instruction? ProducerOf(Instruction consumer, int depth, Func<Instruction, bool>? through)
    {
        Instruction current = consumer;
        for (int steps = 0; steps < WalkLimit; steps++)
        {
            if (_joinPoints.Contains(current)) return null;
            Instruction? previous = current.Previous;
            if (previous is null) return null;
            if (previous.OpCode.FlowControl is FlowControl.Branch or FlowControl.Throw or FlowControl.Return) return null;
            StackEffect? effect = StackEffect.Of(previous);
            if (effect is null) return null;
            (int pops, int pushes) = effect.Value;
            if (depth <= pushes)
            {
                if (previous.OpCode.Code == Code.Dup || (previous.OpCode.Code == Code.Castclass && through is null))
                    depth = 1;
                else
                    return previous;
            }
            else if (through is not null && !through(previous))
            {
                return null;
            }
            else
            {
                depth = depth - pushes + pops;
            }
            current = previous;
        }
        return null;
    }

    /// <summary>The name of the field, local or argument the value <paramref name="depth"/> slots from the top came from.</summary>
    public string? NameOf(Instruction consumer, int depth) => NameOfProducer(ProducerOf(consumer, depth), LocalHops);

    /// <summary>The field or local that stores the object <paramref name="producer"/> (a <c>newobj</c>) creates.</summary>
    public string? StoreTargetOf(Instruction producer)
    {
        Instruction? next = producer.Next;
        while (next is not null && next.OpCode.Code == Code.Nop) next = next.Next;
        return next?.OpCode.Code switch
        {
            Code.Stfld or Code.Stsfld => FieldNames.Of((FieldReference)next.Operand),
            Code.Stloc => LocalName((VariableDefinition)next.Operand),
            Code.Dup => StoreTargetOf(next),
            _ => null,
        };
    }

    private string? NameOfProducer(Instruction? producer, int hops)
    {
        if (producer is null) return null;
        switch (producer.OpCode.Code)
        {
            case Code.Ldfld or Code.Ldsfld or Code.Ldflda or Code.Ldsflda:
                return FieldNames.Of((FieldReference)producer.Operand);
            case Code.Ldarg or Code.Ldarga:
                var parameter = (ParameterDefinition)producer.Operand;
                return parameter == _method.Body.ThisParameter ? null : parameter.Name;
            case Code.Ldloc or Code.Ldloca:
                var variable = (VariableDefinition)producer.Operand;
                string? name = LocalName(variable);
                if (name is not null || hops == 0) return name;
                // A compiler temporary (the lock statement's copy of its argument): follow it to the value stored in it.
                Instruction? store = LastStoreBefore(producer, variable);
                return store is null ? null : NameOfProducer(ProducerOf(store, 1), hops - 1);
            case Code.Call or Code.Callvirt when producer.Operand is MethodReference { Name: var getter } method && getter.StartsWith("get_", StringComparison.Ordinal) && method.Parameters.Count == 0:
                return $"{FieldNames.ShortTypeName(method.DeclaringType)}.{getter[4..]}";
            default:
                return null;
        }
    }

    private string? LocalName(VariableDefinition variable) =>
        _method.DebugInformation.TryGetName(variable, out string name) && !string.IsNullOrEmpty(name) ? name : null;

    private static Instruction? LastStoreBefore(Instruction load, VariableDefinition variable)
    {
        for (Instruction? i = load.Previous; i is not null; i = i.Previous)
            if (i.OpCode.Code == Code.Stloc && i.Operand == variable) return i;
        return null;
    }
}
