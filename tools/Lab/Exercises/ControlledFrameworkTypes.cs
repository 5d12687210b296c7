using System.Reflection;
using Lab.Systematic.Interception;

namespace Lab.Cli.Exercises;

/// <summary>
/// The framework concurrency types a submission may use as ordinary C#: those the lab's rewriter controls (found by
/// reflection over the engine's <see cref="InterceptsTypeAttribute"/> stand-ins, so a new stand-in widens the list on
/// its own), plus the delegate and option types their members take. Members of these types that have no stand-in are
/// refused after rewriting (<see cref="SubmissionCompiler"/>), never run uncontrolled.
/// </summary>
public static class ControlledFrameworkTypes
{
    /// <summary>The namespaces of synchronisation and concurrent work, whose intercepted types a submission may name whole.</summary>
    public static readonly IReadOnlySet<string> ConcurrencyNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Threading", "System.Threading.Tasks", "System.Collections.Concurrent",
    };

    /// <summary>Intercepted types outside those namespaces that only make the engine own nondeterminism (time, randomness).</summary>
    private static readonly string[] Nondeterminism = ["System.Random", "System.Diagnostics.Stopwatch", "System.DateTime", "System.DateTimeOffset"];

    /// <summary>Types that only carry arguments or results of controlled members and run nothing themselves.</summary>
    private static readonly string[] Companions =
    [
        "System.Threading.ThreadStart", "System.Threading.ParameterizedThreadStart", "System.Threading.WaitCallback",
        "System.Threading.LockRecursionPolicy", "System.Threading.Tasks.ParallelLoopResult", "System.Threading.Tasks.TaskStatus",
    ];

    /// <summary>Full names (nested types joined by '+') of every type allowed here.</summary>
    public static IReadOnlySet<string> Names { get; } = Collect();

    /// <summary>True when a submission may name <paramref name="fullName"/> because the rewriter controls it or it only carries arguments.</summary>
    public static bool Contains(string fullName) => Names.Contains(fullName);

    private static HashSet<string> Collect()
    {
        IEnumerable<string> intercepted = typeof(InterceptsTypeAttribute).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetCustomAttributes<InterceptsTypeAttribute>())
            .Select(a => a.TargetTypeFullName.Replace('/', '+'))
            .Where(name => Nondeterminism.Contains(name) || ConcurrencyNamespaces.Contains(Namespace(name)));
        return new HashSet<string>(intercepted.Concat(Companions), StringComparer.Ordinal);
    }

    private static string Namespace(string fullName)
    {
        string outermost = fullName.Split('+')[0];
        int cut = outermost.LastIndexOf('.');
        return cut < 0 ? "" : outermost[..cut];
    }
}
