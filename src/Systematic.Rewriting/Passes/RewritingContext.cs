using System.Reflection;
using Lab.Systematic.Rewriting.StandIns;
using Mono.Cecil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>What every pass shares while rewriting one module: the stand-ins, the imported hooks, the uncontrolled list.</summary>
public sealed class RewritingContext
{
    private readonly MemberImporter _importer;
    private readonly Type _hooks;
    private readonly List<string> _uncontrolled = [];

    /// <summary>Creates the context for <paramref name="module"/>.</summary>
    public RewritingContext(ModuleDefinition module, StandInCatalog standIns, MemberImporter importer, Type memoryAccessHooks)
    {
        Module = module;
        StandIns = standIns;
        _importer = importer;
        _hooks = memoryAccessHooks;
    }

    /// <summary>The module being rewritten.</summary>
    public ModuleDefinition Module { get; }

    /// <summary>The stand-ins found for this rewrite.</summary>
    public StandInCatalog StandIns { get; }

    /// <summary>Concurrency members called without a stand-in, as "member at file:line (method)".</summary>
    public IReadOnlyList<string> Uncontrolled => _uncontrolled;

    /// <summary>A reference to <paramref name="method"/> (a stand-in) usable in the module.</summary>
    public MethodReference Import(MethodBase method) => _importer.Import(method);

    /// <summary>The memory-access hook named <paramref name="name"/> (<c>ReadField</c>, ...), imported.</summary>
    public MethodReference Hook(string name)
    {
        MethodInfo? hook = _hooks.GetMethod(name, BindingFlags.Public | BindingFlags.Static);
        if (hook is null)
            throw new RewritingException($"The memory-access hook class {_hooks.FullName} has no public static {name}; see docs/rewriting.md for the hook signatures.");
        return _importer.Import(hook);
    }

    /// <summary>Records a concurrency member left uncontrolled (no stand-in matches it).</summary>
    public void ReportUncontrolled(string entry)
    {
        if (!_uncontrolled.Contains(entry)) _uncontrolled.Add(entry);
    }
}
