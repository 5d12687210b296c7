using System.Reflection;
using Lab.Systematic.Interception;

namespace Lab.Cli.Exercises;

/// <summary>
/// The framework concurrency types a submission may use as ordinary C#: those the lab's rewriter controls (found by
/// reflection over the engine's <see cref="InterceptsTypeAttribute"/> stand-ins, so a new stand-in widens the list on
/// its own), plus the delegate and option types their members take (option enums derived from the stand-ins' parameters). The async machinery is derived the same way: the
/// method builders and awaiters that have stand-ins, and the awaitables the stand-ins return (Task.Yield's, ConfigureAwait's,
/// ValueTask's) with their awaiters; a custom awaiter or any other awaitable stays refused. Members of these types
/// that have no stand-in are refused after rewriting (<see cref="SubmissionCompiler"/>), never run uncontrolled.
/// </summary>
public static class ControlledFrameworkTypes
{
    /// <summary>The namespaces of synchronisation and concurrent work, whose intercepted types a submission may name whole.</summary>
    public static readonly IReadOnlySet<string> ConcurrencyNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Threading", "System.Threading.Tasks", "System.Collections.Concurrent",
    };

    /// <summary>The namespace of the async method builders and awaiters; only its intercepted types and the awaitables stand-ins return are allowed.</summary>
    private const string AsyncMachineryNamespace = "System.Runtime.CompilerServices";

    /// <summary>Intercepted types outside those namespaces that only make the engine own nondeterminism (time, randomness).</summary>
    private static readonly string[] Nondeterminism = ["System.Random", "System.Diagnostics.Stopwatch", "System.DateTime", "System.DateTimeOffset"];

    /// <summary>Intercepted types outside those namespaces that synchronise: Lazy&lt;T&gt;, whose Value the engine runs by its mode.</summary>
    private static readonly string[] OtherSynchronisers = ["System.Lazy`1"];

    /// <summary>Types that only carry arguments or results of controlled members and run nothing themselves.</summary>
    private static readonly string[] Companions =
    [
        "System.Threading.ThreadStart", "System.Threading.ParameterizedThreadStart", "System.Threading.WaitCallback",
        "System.Threading.LockRecursionPolicy", "System.Threading.Tasks.ParallelLoopResult", "System.Threading.Tasks.TaskStatus",
        "System.Threading.Tasks.ConfigureAwaitOptions",
        "System.Runtime.CompilerServices.IAsyncStateMachine", "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
    ];

    /// <summary>Full names (nested types joined by '+') of every type allowed here.</summary>
    public static IReadOnlySet<string> Names { get; } = Collect();

    /// <summary>
    /// Members of intercepted async types that suspend, publish and wait for nothing, so the rewriter may leave them as
    /// they are although they have no stand-in: creating a method builder, running the state machine's first step on the
    /// caller's own (controlled) operation, handing out the method's task, an async void method's end (no one can await it), a TaskCompletionSource's task or a
    /// CancellationTokenSource's token, making an already finished task (Task.CompletedTask, FromResult: the engine uses
    /// a done task it never modelled as it is), and reading whether an awaited task is done (the stand-in of GetAwaiter already
    /// made that read a scheduling point). Keyed by the type's name without its generic arity.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> PassiveAsyncMembers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["System.Runtime.CompilerServices.AsyncTaskMethodBuilder"] = ["Create", "Start", "get_Task", "SetStateMachine"],
        ["System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder"] = ["Create", "Start", "get_Task", "SetStateMachine"],
        ["System.Runtime.CompilerServices.AsyncVoidMethodBuilder"] = ["Create", "Start", "SetStateMachine", "SetResult"],
        ["System.Runtime.CompilerServices.TaskAwaiter"] = ["get_IsCompleted"],
        ["System.Threading.Tasks.TaskCompletionSource"] = ["get_Task"],
        ["System.Threading.CancellationTokenSource"] = ["get_Token"],
        ["System.Threading.Tasks.Task"] = ["get_CompletedTask", "FromResult", "FromException", "FromCanceled"],
    };

    /// <summary>True for a member of an intercepted async type the rewriter may leave as it is (see <see cref="PassiveAsyncMembers"/>).</summary>
    public static bool IsPassiveAsyncMember(string typeFullName, string member) =>
        Names.Contains(typeFullName) && PassiveAsyncMembers.TryGetValue(typeFullName.Split('`')[0], out string[]? members) && members.Contains(member);

    /// <summary>True when a submission may name <paramref name="fullName"/> because the rewriter controls it or it only carries arguments.</summary>
    public static bool Contains(string fullName) => Names.Contains(fullName);

    private static HashSet<string> Collect()
    {
        Type[] standIns = typeof(InterceptsTypeAttribute).Assembly.GetExportedTypes()
            .Where(t => t.IsDefined(typeof(InterceptsTypeAttribute), inherit: false)).ToArray();
        IEnumerable<string> intercepted = standIns
            .SelectMany(t => t.GetCustomAttributes<InterceptsTypeAttribute>())
            .Select(a => a.TargetTypeFullName.Replace('/', '+'))
            .Where(name => Nondeterminism.Contains(name) || OtherSynchronisers.Contains(name) || ConcurrencyNamespaces.Contains(Namespace(name))
                           || Namespace(name) == AsyncMachineryNamespace);
        return new HashSet<string>(intercepted.Concat(ReturnedAwaitables(standIns)).Concat(OptionEnums(standIns)).Concat(Companions), StringComparer.Ordinal);
    }

    /// <summary>
    /// The option enums of System.Threading* that stand-ins take (LazyThreadSafetyMode, BoundedChannelFullMode, ...):
    /// plain values that only choose how a controlled member behaves.
    /// </summary>
    private static IEnumerable<string> OptionEnums(IEnumerable<Type> standIns) =>
        standIns.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)
            .Where(t => t.IsEnum && t.Namespace is { } space && space.StartsWith("System.Threading", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .Distinct();

    /// <summary>
    /// The awaitables of <see cref="AsyncMachineryNamespace"/> that stand-ins return (YieldAwaitable, ConfiguredTaskAwaitable,
    /// ValueTaskAwaiter, ...), and the awaiters their GetAwaiter returns: the engine noted the await when the stand-in made it.
    /// </summary>
    private static IEnumerable<string> ReturnedAwaitables(IEnumerable<Type> standIns)
    {
        foreach (Type returned in standIns.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
                     .Select(m => m.ReturnType).Select(Definition).Distinct())
        {
            if (returned.Namespace != AsyncMachineryNamespace) continue;
            yield return returned.FullName!;
            if (returned.GetMethod("GetAwaiter", Type.EmptyTypes)?.ReturnType is { } awaiter && Definition(awaiter) != returned) yield return Definition(awaiter).FullName!;
        }
    }

    private static Type Definition(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition() : type;

    private static string Namespace(string fullName)
    {
        string outermost = fullName.Split('+')[0];
        int cut = outermost.LastIndexOf('.');
        return cut < 0 ? "" : outermost[..cut];
    }
}
