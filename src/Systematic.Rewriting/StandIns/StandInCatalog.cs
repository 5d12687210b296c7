using System.Reflection;
using Lab.Systematic.Interception;
using Mono.Cecil;

namespace Lab.Systematic.Rewriting.StandIns;

/// <summary>
/// Every stand-in found by reflection in the given assemblies (classes marked <see cref="InterceptsTypeAttribute"/>),
/// indexed by the intercepted type's IL full name and member name. Adding a stand-in needs no rewriter change.
/// </summary>
public sealed class StandInCatalog
{
    private readonly Dictionary<(string Type, string Member), List<StandIn>> _standIns = new();
    private readonly HashSet<string> _interceptedTypes = new(StringComparer.Ordinal);

    /// <summary>Collects the stand-ins of <paramref name="assemblies"/>.</summary>
    public StandInCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (Type type in assemblies.Distinct().SelectMany(a => a.GetExportedTypes()))
        {
            foreach (InterceptsTypeAttribute intercepts in type.GetCustomAttributes<InterceptsTypeAttribute>())
            {
                string target = SignatureText.TypeName(intercepts.TargetTypeFullName);
                _interceptedTypes.Add(target);
                foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (!_standIns.TryGetValue((target, method.Name), out List<StandIn>? list))
                        _standIns[(target, method.Name)] = list = [];
                    list.Add(StandIn.From(method));
                }
            }
        }
    }

    /// <summary>How many types have stand-ins.</summary>
    public int InterceptedTypeCount => _interceptedTypes.Count;

    /// <summary>True when some stand-in class intercepts the type named <paramref name="fullName"/> (IL spelling).</summary>
    public bool Intercepts(string fullName) => _interceptedTypes.Contains(fullName);

    /// <summary>
    /// The stand-in for a call to <paramref name="target"/>, or null. <paramref name="receiverIsValueType"/> says
    /// whether the declaring type is a struct (its stand-ins take the receiver by reference).
    /// </summary>
    public StandIn? Find(MethodReference target, bool receiverIsValueType)
    {
        TypeReference declaringType = target.DeclaringType;
        string typeName = SignatureText.TypeName(declaringType.GetElementType().FullName);
        bool isConstructor = target.Name == ".ctor";
        string memberName = isConstructor ? "New" : target.Name;
        if (!_standIns.TryGetValue((typeName, memberName), out List<StandIn>? candidates)) return null;

        int typeArity = declaringType is GenericInstanceType instance ? instance.GenericArguments.Count : declaringType.GenericParameters.Count;
        int methodArity = target is GenericInstanceMethod genericMethod ? genericMethod.GenericArguments.Count : target.GenericParameters.Count;
        MethodReference signature = target.GetElementMethod();
        var expected = new List<string>();
        if (target.HasThis && !isConstructor)
            expected.Add(SignatureText.OpenForm(declaringType, typeArity) + (receiverIsValueType ? "&" : ""));
        expected.AddRange(signature.Parameters.Select(p => SignatureText.Of(p.ParameterType, typeArity)));
        string expectedReturn = isConstructor ? SignatureText.OpenForm(declaringType, typeArity) : SignatureText.Of(signature.ReturnType, typeArity);

        return candidates
            .Where(c => c.Method.IsGenericMethodDefinition ? c.Method.GetGenericArguments().Length == typeArity + methodArity : typeArity + methodArity == 0)
            .Where(c => c.ReturnType == expectedReturn && c.MemberParameters.SequenceEqual(expected))
            .OrderByDescending(c => c.SiteParameters.Count)
            .FirstOrDefault();
    }
}
