using Lab.Systematic.Interception;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Starts every handler that could catch the engine's cancellation (a <c>catch</c> of <see cref="object"/> or
/// <see cref="Exception"/>, and every exception filter) with <see cref="CatchGuard.RethrowIfCanceled"/> on the caught
/// exception, so rewritten code cannot swallow the unwinding of an ended iteration. In a filter the rethrow makes the
/// filter fail, which lets the cancellation pass on as well.
/// </summary>
public sealed class CatchHandlerPass : IRewritingPass
{
    /// <inheritdoc />
    public string Name => "catch handlers";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        if (!method.Definition.Body.HasExceptionHandlers) return 0;
        var starts = method.Definition.Body.ExceptionHandlers
            .Select(h => h.HandlerType switch
            {
                ExceptionHandlerType.Filter => h.FilterStart,
                ExceptionHandlerType.Catch when CatchesCancellation(h.CatchType) => h.HandlerStart,
                _ => null,
            })
            .OfType<Instruction>()
            .Distinct()
            .ToList();
        if (starts.Count == 0) return 0;
        MethodReference guard = method.Context.Import(typeof(CatchGuard).GetMethod(nameof(CatchGuard.RethrowIfCanceled))!);
        foreach (Instruction start in starts)
        {
            method.Editor.InsertBefore(start, [Instruction.Create(OpCodes.Dup), Instruction.Create(OpCodes.Call, guard)]);
        }
        return starts.Count;
    }

    private static bool CatchesCancellation(TypeReference? caught) => caught?.FullName is "System.Object" or "System.Exception";
}
