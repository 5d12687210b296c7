using Lab.Systematic.Rewriting.Il;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// One method body while the passes rewrite it: its source lines (read before any edit), an editor that keeps
/// branches and lines pointing at inserted hooks, and errors that locate the IL.
/// </summary>
public sealed class MethodRewrite
{
    /// <summary>Prepares <paramref name="method"/>: short branch and load forms are expanded so inserted code cannot overflow them.</summary>
    public MethodRewrite(MethodDefinition method, RewritingContext context)
    {
        Definition = method;
        Context = context;
        Sources = new SourceMap(method);
        method.Body.SimplifyMacros();
        Editor = new MethodEditor(method, Sources);
    }

    /// <summary>The method.</summary>
    public MethodDefinition Definition { get; }

    /// <summary>The module-wide context.</summary>
    public RewritingContext Context { get; }

    /// <summary>The PDB's line for each original instruction.</summary>
    public SourceMap Sources { get; }

    /// <summary>Inserts code before instructions.</summary>
    public MethodEditor Editor { get; }

    /// <summary>The method's instructions as they are now, copied so a pass can edit while iterating.</summary>
    public IReadOnlyList<Instruction> Snapshot() => Definition.Body.Instructions.ToList();

    /// <summary>Names value origins in the body as it is now.</summary>
    public ValueOrigins Origins() => new(Definition);

    /// <summary>The PDB location of <paramref name="instruction"/>.</summary>
    public SourceLocation LocationOf(Instruction instruction) => Sources.Of(instruction);

    /// <summary><c>ldstr file; ldc.i4 line</c> for <paramref name="instruction"/>'s location.</summary>
    public IEnumerable<Instruction> PushLocation(Instruction instruction)
    {
        SourceLocation location = LocationOf(instruction);
        yield return Instruction.Create(OpCodes.Ldstr, location.File);
        yield return Instruction.Create(OpCodes.Ldc_I4, location.Line);
    }

    /// <summary>An error naming the assembly, type, method, IL offset and (where known) file:line of <paramref name="instruction"/>.</summary>
    public RewritingException Error(Instruction instruction, string problem)
    {
        int offset = Sources.OriginalOffsetOf(instruction);
        SourceLocation location = LocationOf(instruction);
        string where = offset >= 0 ? $" at IL_{offset:x4}" : "";
        string line = location.IsKnown ? $" ({location})" : "";
        return new RewritingException($"{Definition.Module.Assembly.Name.Name}: {Definition.DeclaringType.FullName}.{Definition.Name}{where}{line}: {problem}");
    }

    /// <summary>Re-encodes short forms once every pass has run.</summary>
    public void Finish() => Definition.Body.OptimizeMacros();
}
