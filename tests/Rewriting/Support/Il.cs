using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Rewriting.Tests.Support;

/// <summary>Reads rewritten assemblies back with Cecil so tests can check the IL the rewriter wrote.</summary>
public static class Il
{
    /// <summary>The method <paramref name="type"/>.<paramref name="method"/> of the assembly at <paramref name="path"/>, with symbols.</summary>
    public static MethodDefinition Method(string path, string type, string method)
    {
        var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadSymbols = File.Exists(Path.ChangeExtension(path, ".pdb")), InMemory = true });
        TypeDefinition definition = module.GetTypes().Single(t => t.FullName == $"Lab.Rewriting.Fixtures.{type}");
        return definition.Methods.First(m => m.Name == method);
    }

    /// <summary>Every method called (call/callvirt/newobj) by <paramref name="method"/>, as "Type::Name".</summary>
    public static IReadOnlyList<string> Calls(MethodDefinition method) => method.Body.Instructions
        .Where(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj)
        .Select(i => Name((MethodReference)i.Operand))
        .ToList();

    /// <summary>"Type::Name" with the declaring type's full name (generic arguments left out).</summary>
    public static string Name(MethodReference method) => $"{method.DeclaringType.GetElementType().FullName}::{method.Name}";

    /// <summary>The index of the first instruction matching <paramref name="match"/>, or -1.</summary>
    public static int IndexOf(MethodDefinition method, Func<Instruction, bool> match) =>
        method.Body.Instructions.ToList().FindIndex(i => match(i));

    /// <summary>True when <paramref name="instruction"/> calls a method named <paramref name="name"/> on a type whose name ends with <paramref name="type"/>.</summary>
    public static bool IsCallTo(Instruction instruction, string type, string name) =>
        instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj
        && instruction.Operand is MethodReference m && m.Name == name && m.DeclaringType.GetElementType().FullName.EndsWith(type, StringComparison.Ordinal);

    /// <summary>True when <paramref name="instruction"/> loads or stores field <paramref name="field"/>.</summary>
    public static bool Accesses(Instruction instruction, Code code, string field) =>
        instruction.OpCode.Code == code && instruction.Operand is FieldReference f && f.Name == field;
}
