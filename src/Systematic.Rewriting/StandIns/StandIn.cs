using System.Reflection;

namespace Lab.Systematic.Rewriting.StandIns;

/// <summary>
/// A public static method that replaces one member at call sites: its parameters are the member's (receiver first
/// for instance members), then the site parameters it asks for, in its own order.
/// </summary>
public sealed class StandIn
{
    private StandIn(MethodInfo method, IReadOnlyList<string> memberParameters, IReadOnlyList<SiteParameter> siteParameters)
    {
        Method = method;
        MemberParameters = memberParameters;
        SiteParameters = siteParameters;
        ReturnType = SignatureText.Of(method.ReturnType);
    }

    /// <summary>The stand-in method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The signature text of the parameters that mirror the intercepted member's.</summary>
    public IReadOnlyList<string> MemberParameters { get; }

    /// <summary>The site parameters after them, in order.</summary>
    public IReadOnlyList<SiteParameter> SiteParameters { get; }

    /// <summary>The signature text of the return type.</summary>
    public string ReturnType { get; }

    /// <summary>Splits <paramref name="method"/>'s parameters into the member's and the trailing site parameters.</summary>
    public static StandIn From(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        int memberCount = parameters.Length;
        var sites = new List<SiteParameter>();
        while (memberCount > 0 && AsSiteParameter(parameters[memberCount - 1]) is { } site && !sites.Contains(site))
        {
            sites.Insert(0, site);
            memberCount--;
        }
        return new StandIn(method, parameters.Take(memberCount).Select(p => SignatureText.Of(p.ParameterType)).ToList(), sites);
    }

    private static SiteParameter? AsSiteParameter(ParameterInfo parameter) => (parameter.Name, parameter.ParameterType) switch
    {
        ("callerFile", var t) when t == typeof(string) => SiteParameter.CallerFile,
        ("callerLine", var t) when t == typeof(int) => SiteParameter.CallerLine,
        ("resourceName", var t) when t == typeof(string) => SiteParameter.ResourceName,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Method.DeclaringType?.FullName}.{Method.Name}";
}
