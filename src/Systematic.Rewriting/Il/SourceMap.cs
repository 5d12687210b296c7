using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Il;

/// <summary>
/// The source line in effect at each instruction of one method, taken from the PDB before any pass edits the body
/// (offsets change with every insertion, instruction identities do not). Instructions a pass moves are aliased to
/// the original's line.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<Instruction, SourceLocation> _locations = new();
    private readonly Dictionary<Instruction, int> _originalOffsets = new();

    /// <summary>Reads the sequence points of <paramref name="method"/> (whose body must not have been edited yet).</summary>
    public SourceMap(MethodDefinition method)
    {
        var points = method.DebugInformation.HasSequencePoints
            ? method.DebugInformation.SequencePoints.Where(p => !p.IsHidden).OrderBy(p => p.Offset).ToList()
            : [];
        int next = 0;
        SourceLocation current = SourceLocation.None;
        foreach (Instruction instruction in method.Body.Instructions)
        {
            while (next < points.Count && points[next].Offset <= instruction.Offset)
            {
                current = new SourceLocation(points[next].Document.Url, points[next].StartLine);
                next++;
            }
            _locations[instruction] = current;
            _originalOffsets[instruction] = instruction.Offset;
        }
    }

    /// <summary>The line of the sequence point at or before <paramref name="instruction"/>; <see cref="SourceLocation.None"/> for inserted code.</summary>
    public SourceLocation Of(Instruction instruction) => _locations.GetValueOrDefault(instruction, SourceLocation.None);

    /// <summary>The IL offset <paramref name="instruction"/> had in the compiled assembly, or -1 for inserted code.</summary>
    public int OriginalOffsetOf(Instruction instruction) => _originalOffsets.GetValueOrDefault(instruction, -1);

    /// <summary>Gives <paramref name="moved"/> (a new instruction now holding an original's operation) the original's line and offset.</summary>
    public void Alias(Instruction moved, Instruction original)
    {
        _locations[moved] = Of(original);
        _originalOffsets[moved] = OriginalOffsetOf(original);
    }
}
