using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>
/// Inserts code before an instruction so that everything that pointed at the instruction (branches, exception
/// handler boundaries, sequence points, local scopes) now points at the inserted code: the instruction object itself
/// becomes the first inserted instruction and its original operation moves to a new instruction after the insert.
/// A branch to the original access therefore runs its hook too, and the hook is attributed to the access's line.
/// </summary>
public sealed class MethodEditor(MethodDefinition method, SourceMap sourceMap)
{
    private readonly MethodBody _body = method.Body;

    /// <summary>
    /// Inserts <paramref name="code"/> before <paramref name="target"/> (and before its prefixes, such as
    /// <c>volatile.</c> or <c>constrained.</c>, which must stay next to it). Returns the instruction that now holds
    /// <paramref name="target"/>'s original operation.
    /// </summary>
    public Instruction InsertBefore(Instruction target, IReadOnlyList<Instruction> code)
    {
        if (code.Count == 0) return target;
        Instruction anchor = FirstPrefixOf(target);
        var moved = Instruction.Create(OpCodes.Nop);
        moved.OpCode = anchor.OpCode;
        moved.Operand = anchor.Operand;
        sourceMap.Alias(moved, anchor);
        anchor.OpCode = code[0].OpCode;
        anchor.Operand = code[0].Operand;
        Instruction last = anchor;
        for (int i = 1; i < code.Count; i++)
        {
            _body.Instructions.Insert(_body.Instructions.IndexOf(last) + 1, code[i]);
            last = code[i];
        }
        _body.Instructions.Insert(_body.Instructions.IndexOf(last) + 1, moved);
        return anchor == target ? moved : target;
    }

    /// <summary>The earliest of the prefixes directly before <paramref name="instruction"/>, or the instruction itself.</summary>
    public static Instruction FirstPrefixOf(Instruction instruction)
    {
        Instruction first = instruction;
        while (first.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix) first = prefix;
        return first;
    }

    /// <summary>The prefix of kind <paramref name="code"/> directly before <paramref name="instruction"/>, if any.</summary>
    public static Instruction? PrefixOf(Instruction instruction, Code code)
    {
        for (Instruction? p = instruction.Previous; p is { OpCode.OpCodeType: OpCodeType.Prefix }; p = p.Previous)
            if (p.OpCode.Code == code) return p;
        return null;
    }

    /// <summary>Turns a prefix into a <c>nop</c> (keeping the instruction, which a branch may target).</summary>
    public static void DropPrefix(Instruction prefix)
    {
        prefix.OpCode = OpCodes.Nop;
        prefix.Operand = null;
    }

    /// <summary>A new local of <paramref name="type"/> for values spilled around an inserted hook.</summary>
    public VariableDefinition NewTemporary(TypeReference type)
    {
        var variable = new VariableDefinition(method.Module.ImportReference(type));
        _body.Variables.Add(variable);
        return variable;
    }
}
