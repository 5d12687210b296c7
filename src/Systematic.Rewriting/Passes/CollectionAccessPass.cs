using Lab.Systematic.Rewriting.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Inserts <c>ReadCollection</c>/<c>WriteCollection</c> hooks before calls on the non-thread-safe generic collections
/// listed in <see cref="CollectionMembers"/>: the arguments are spilled to temporaries, the receiver duplicated for
/// the hook, the arguments reloaded. A value-type enumerator's <c>MoveNext</c>/<c>Current</c> are not hooked
/// (they are members of the nested enumerator type): the <c>GetEnumerator</c> call stands for the iteration.
/// Extension methods (LINQ) reach the collection through interfaces and are not hooked.
/// </summary>
public sealed class CollectionAccessPass : IRewritingPass
{
    /// <inheritdoc />
    public string Name => "collection accesses";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        var sites = new List<(Instruction Call, MethodReference Target, bool Writes, string Display)>();
        foreach (Instruction instruction in method.Snapshot())
        {
            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt) || instruction.Operand is not MethodReference { HasThis: true } target) continue;
            // A constrained. call passes the receiver as an address, which the hook's object parameter cannot take.
            if (MethodEditor.PrefixOf(instruction, Code.Constrained) is not null) continue;
            if (CollectionMembers.Lookup(target.DeclaringType.GetElementType().FullName, target.Name) is not { } member) continue;
            sites.Add((instruction, target, member.Writes, member.Display));
        }
        if (sites.Count == 0) return 0;
        MethodReference read = method.Context.Hook("ReadCollection");
        MethodReference write = method.Context.Hook("WriteCollection");
        foreach ((Instruction call, MethodReference target, bool writes, string display) in sites)
        {
            var code = new List<Instruction>();
            var spilled = new VariableDefinition[target.Parameters.Count];
            for (int i = spilled.Length - 1; i >= 0; i--)
            {
                spilled[i] = method.Editor.NewTemporary(GenericSubstitution.ParameterType(target, i));
                code.Add(Instruction.Create(OpCodes.Stloc, spilled[i]));
            }
            code.Add(Instruction.Create(OpCodes.Dup));
            code.Add(Instruction.Create(OpCodes.Ldstr, display));
            code.AddRange(method.PushLocation(call));
            code.Add(Instruction.Create(OpCodes.Call, writes ? write : read));
            code.AddRange(spilled.Select(v => Instruction.Create(OpCodes.Ldloc, v)));
            method.Editor.InsertBefore(call, code);
        }
        return sites.Count;
    }
}
