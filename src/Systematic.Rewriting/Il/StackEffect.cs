using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>How many values an instruction pops and pushes, for the short backward walks that name a value's origin.</summary>
public readonly record struct StackEffect(int Pops, int Pushes)
{
    /// <summary>The effect of <paramref name="instruction"/>, or null where it depends on more than the instruction (ret, leave, calli).</summary>
    public static StackEffect? Of(Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        if (op.Code is Code.Ret or Code.Leave or Code.Leave_S or Code.Endfinally or Code.Endfilter or Code.Calli or Code.Jmp)
            return null;
        int pops;
        if (op.StackBehaviourPop == StackBehaviour.Varpop)
        {
            if (instruction.Operand is not MethodReference method) return null;
            pops = method.Parameters.Count + (method.HasThis && op.Code != Code.Newobj ? 1 : 0);
        }
        else
        {
            int? fixedPops = FixedPops(op.StackBehaviourPop);
            if (fixedPops is null) return null;
            pops = fixedPops.Value;
        }
        int pushes;
        if (op.StackBehaviourPush == StackBehaviour.Varpush)
        {
            if (instruction.Operand is not MethodReference method) return null;
            pushes = op.Code == Code.Newobj || method.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
        }
        else
        {
            pushes = op.StackBehaviourPush switch
            {
                StackBehaviour.Push0 => 0,
                StackBehaviour.Push1_push1 => 2,
                _ => 1,
            };
        }
        return new StackEffect(pops, pushes);
    }

    private static int? FixedPops(StackBehaviour behaviour) => behaviour switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8
            or StackBehaviour.Popref_popi_popr4 or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        _ => null,
    };
}
