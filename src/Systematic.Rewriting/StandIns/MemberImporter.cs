using System.Reflection;
using Mono.Cecil;

namespace Lab.Systematic.Rewriting.StandIns;

/// <summary>
/// Imports reflected methods (stand-ins, hooks, the marker's constructor) into the module being rewritten through
/// their Cecil definitions, so the rewritten code references <c>System.Runtime</c> the way compiled code does rather
/// than the running process's <c>System.Private.CoreLib</c>.
/// </summary>
public sealed class MemberImporter(ModuleDefinition target, IAssemblyResolver resolver) : IDisposable
{
    private readonly Dictionary<Assembly, ModuleDefinition> _modules = new();
    private readonly Dictionary<MethodBase, MethodReference> _imported = new();

    /// <summary>A reference to <paramref name="method"/> usable in the target module.</summary>
    public MethodReference Import(MethodBase method)
    {
        if (_imported.TryGetValue(method, out MethodReference? known)) return known;
        Assembly assembly = method.Module.Assembly;
        if (!_modules.TryGetValue(assembly, out ModuleDefinition? module))
        {
            if (string.IsNullOrEmpty(assembly.Location))
                throw new RewritingException($"{assembly.GetName().Name}: stand-in assemblies must be loaded from a file (their IL is read to import the stand-ins).");
            module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { AssemblyResolver = resolver, InMemory = true });
            _modules[assembly] = module;
        }
        var definition = (MethodReference)module.LookupToken(method.MetadataToken);
        return _imported[method] = target.ImportReference(definition);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (ModuleDefinition module in _modules.Values) module.Dispose();
    }
}
