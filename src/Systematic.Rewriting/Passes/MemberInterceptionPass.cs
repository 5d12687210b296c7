using Lab.Systematic.Rewriting.Il;
using Lab.Systematic.Rewriting.StandIns;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lab.Systematic.Rewriting.Passes;

/// <summary>
/// Replaces <c>call</c>, <c>callvirt</c> and <c>newobj</c> of members that have a stand-in by a <c>call</c> to the
/// stand-in, filling its site parameters with constants (docs/rewriting.md, "Member interception").
/// </summary>
public sealed class MemberInterceptionPass : IRewritingPass
{
    /// <inheritdoc />
    public string Name => "member interception";

    /// <inheritdoc />
    public int Rewrite(MethodRewrite method)
    {
        ValueOrigins origins = method.Origins();
        var sites = new List<Site>();
        foreach (Instruction instruction in method.Snapshot())
        {
            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn or Code.Ldvirtftn)) continue;
            var target = (MethodReference)instruction.Operand;
            string typeName = SignatureText.TypeName(target.DeclaringType.GetElementType().FullName);
            if (!method.Context.StandIns.Intercepts(typeName))
            {
                if (ConcurrencyTypes.Contains(typeName)) ReportUncontrolled(method, instruction, target);
                continue;
            }
            bool valueType = IsValueType(target.DeclaringType);
            StandIn? standIn = method.Context.StandIns.Find(target, valueType);
            if (standIn is null && IsConcurrentCollectionConstructor(target, typeName)) continue;
            if (standIn is null)
            {
                ReportUncontrolled(method, instruction, target);
                continue;
            }
            sites.Add(Describe(method, origins, instruction, target, standIn, valueType));
        }
        foreach (Site site in sites) Replace(method, site);
        return sites.Count;
    }

    private static Site Describe(MethodRewrite method, ValueOrigins origins, Instruction instruction, MethodReference target, StandIn standIn, bool valueType)
    {
        if (instruction.OpCode.Code is Code.Ldftn or Code.Ldvirtftn)
            throw method.Error(instruction, $"a delegate to {Display(target)} cannot be intercepted (its stand-in needs the call site); call it inside a lambda instead.");
        bool isConstructor = target.Name == ".ctor";
        bool initialisesStruct = isConstructor && instruction.OpCode.Code == Code.Call;
        if (initialisesStruct && !valueType)
            throw method.Error(instruction, $"{Display(target)} is called as a base constructor: classes deriving from an intercepted type are not supported; hold an instance in a field instead.");

        int arguments = target.Parameters.Count + (target.HasThis && instruction.OpCode.Code != Code.Newobj ? 1 : 0);
        string? resourceName = instruction.OpCode.Code == Code.Newobj
            ? origins.StoreTargetOf(instruction)
            : arguments > 0 ? origins.NameOf(instruction, arguments) : null;
        Instruction? constrained = MethodEditor.PrefixOf(instruction, Code.Constrained);
        if (constrained is not null && !valueType && constrained.Operand is TypeReference constrainedType
            && (constrainedType.IsGenericParameter || IsValueType(constrainedType)))
            throw method.Error(instruction,
                $"a constrained call on {constrainedType.FullName} to {Display(target)} cannot be intercepted: the stand-in takes a {target.DeclaringType.Name} and would see a boxed copy of a struct; call it through a variable of a class type instead.");
        return new Site(instruction, target, standIn, resourceName, initialisesStruct, constrained is not null && !valueType);
    }

    private static void Replace(MethodRewrite method, Site site)
    {
        var code = new List<Instruction>();
        if (site.DereferencesReceiver)
        {
            // constrained. T callvirt on a reference type: the receiver is a T& under the arguments. Spill the
            // arguments, load the reference through the pointer (what constrained. would have done), reload them.
            var spilled = new List<VariableDefinition>();
            for (int i = site.Target.Parameters.Count - 1; i >= 0; i--)
            {
                VariableDefinition temporary = method.Editor.NewTemporary(GenericSubstitution.ParameterType(site.Target, i));
                spilled.Insert(0, temporary);
                code.Add(Instruction.Create(OpCodes.Stloc, temporary));
            }
            var constrainedType = (TypeReference)MethodEditor.PrefixOf(site.Instruction, Code.Constrained)!.Operand;
            code.Add(Instruction.Create(OpCodes.Ldobj, constrainedType));
            code.AddRange(spilled.Select(v => Instruction.Create(OpCodes.Ldloc, v)));
        }
        SourceLocation location = method.LocationOf(site.Instruction);
        foreach (SiteParameter parameter in site.StandIn.SiteParameters)
        {
            code.Add(parameter switch
            {
                SiteParameter.CallerFile => Instruction.Create(OpCodes.Ldstr, location.File),
                SiteParameter.CallerLine => Instruction.Create(OpCodes.Ldc_I4, location.Line),
                _ => site.ResourceName is null ? Instruction.Create(OpCodes.Ldnull) : Instruction.Create(OpCodes.Ldstr, site.ResourceName),
            });
        }
        Instruction call = method.Editor.InsertBefore(site.Instruction, code);
        // The stand-in is a static call: a constrained. prefix (its receiver handled above or already a struct
        // address) and a tail. prefix (the call is no longer last before ret once a struct is stored) must go.
        foreach (Code prefix in new[] { Code.Constrained, Code.Tail })
            if (MethodEditor.PrefixOf(call, prefix) is { } found) MethodEditor.DropPrefix(found);
        call.OpCode = OpCodes.Call;
        call.Operand = StandInReference(method, site);
        if (site.InitialisesStruct)
        {
            // call T::.ctor on an address becomes: call New(args) -> T, then store it through the address.
            Mono.Collections.Generic.Collection<Instruction> instructions = method.Definition.Body.Instructions;
            instructions.Insert(instructions.IndexOf(call) + 1, Instruction.Create(OpCodes.Stobj, site.Target.DeclaringType));
        }
    }

    private static MethodReference StandInReference(MethodRewrite method, Site site)
    {
        MethodReference standIn = method.Context.Import(site.StandIn.Method);
        if (!standIn.HasGenericParameters) return standIn;
        var instance = new GenericInstanceMethod(standIn);
        if (site.Target.DeclaringType is GenericInstanceType type)
            foreach (TypeReference argument in type.GenericArguments) instance.GenericArguments.Add(argument);
        if (site.Target is GenericInstanceMethod generic)
            foreach (TypeReference argument in generic.GenericArguments) instance.GenericArguments.Add(argument);
        return instance;
    }

    /// <summary>Creating a concurrent collection publishes nothing, so its constructors need no stand-in; its operations do.</summary>
    private static bool IsConcurrentCollectionConstructor(MethodReference target, string typeName) =>
        target.Name == ".ctor" && typeName.StartsWith("System.Collections.Concurrent.", StringComparison.Ordinal);

    private static void ReportUncontrolled(MethodRewrite method, Instruction instruction, MethodReference target)
    {
        SourceLocation location = method.LocationOf(instruction);
        string where = location.IsKnown ? $" at {location}" : "";
        method.Context.ReportUncontrolled($"{Display(target)}{where} ({method.Definition.DeclaringType.FullName}.{method.Definition.Name})");
    }

    private static bool IsValueType(TypeReference type)
    {
        try
        {
            return type.Resolve()?.IsValueType ?? type.IsValueType;
        }
        catch (AssemblyResolutionException)
        {
            return type.IsValueType;
        }
    }

    /// <summary><c>System.Threading.Monitor.Enter(object, ref bool)</c>.</summary>
    private static string Display(MethodReference target) =>
        $"{target.DeclaringType.FullName}.{target.Name}({string.Join(", ", target.Parameters.Select(p => p.ParameterType.Name))})";

    private sealed record Site(Instruction Instruction, MethodReference Target, StandIn StandIn, string? ResourceName, bool InitialisesStruct, bool DereferencesReceiver);
}
