using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests.Support;

/// <summary>
/// Builds tiny assemblies directly in IL, for constructs C# does not emit on demand (a constrained call on an
/// intercepted class, a delegate to an intercepted member) and for marker tests.
/// </summary>
public static class IlAssembly
{
    /// <summary>
    /// An assembly named <paramref name="name"/> with one public static class <c>Probe</c> and one public static method
    /// <c>Run</c> of the given signature whose body <paramref name="body"/> writes.
    /// </summary>
    public static byte[] Build(string name, Type returnType, Type[] parameters, Action<ModuleDefinition, ILProcessor> body,
        Action<AssemblyDefinition>? decorate = null)
    {
        using var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(name, new Version(1, 0)), name, ModuleKind.Dll);
        ModuleDefinition module = assembly.MainModule;
        var type = new TypeDefinition("Probes", "Probe", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            module.ImportReference(typeof(object)));
        module.Types.Add(type);
        var method = new MethodDefinition("Run", MethodAttributes.Public | MethodAttributes.Static, module.ImportReference(returnType));
        foreach (Type parameter in parameters) method.Parameters.Add(new ParameterDefinition(module.ImportReference(parameter)));
        type.Methods.Add(method);
        body(module, method.Body.GetILProcessor());
        decorate?.Invoke(assembly);
        using var image = new MemoryStream();
        assembly.Write(image);
        return image.ToArray();
    }
}
