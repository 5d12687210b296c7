using System.Reflection;
using Lab.Scenarios;

namespace Lab.Cli.Exercises;

/// <summary>
/// What a submission may reference, by type (and for a few types by member): its contract (the interfaces of
/// Lab.Scenarios, or of <see cref="ExerciseContractsNamespace"/>), the controlled primitives, the framework concurrency types the rewriter controls
/// (<see cref="ControlledFrameworkTypes"/>), collections, LINQ to objects, Math, strings, exceptions, and what the
/// compiler emits on its own. Everything else (reflection, interop, the console, the environment, files, network,
/// processes, timers, PLINQ, channels, custom awaiters and async builders, async streams) is refused before the submission is loaded, because it
/// could escape the explorer or the grader.
/// </summary>
public static class SubmissionAllowlist
{
    /// <summary>Types allowed whole, by namespace.</summary>
    private static readonly IReadOnlySet<string> AllowedNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "Lab.Systematic.Threading", "System.Collections", "System.Collections.Generic", "System.Diagnostics.CodeAnalysis",
    };

    /// <summary>Types allowed by full name (nested types joined with '+', generic arity after a back-quote).</summary>
    private static readonly IReadOnlySet<string> AllowedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Object", "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Void",
        "System.Math", "System.MathF", "System.ValueType", "System.Enum", "System.Array", "System.Nullable`1", "System.Span`1", "System.ReadOnlySpan`1",
        "System.IDisposable", "System.IEquatable`1", "System.IComparable", "System.IComparable`1", "System.IFormattable", "System.IFormatProvider",
        "System.TimeSpan", "System.Index", "System.Range", "System.HashCode", "System.StringComparison", "System.StringComparer",
        "System.StringSplitOptions", "System.MidpointRounding", "System.Attribute", "System.AttributeUsageAttribute", "System.AttributeTargets",
        "System.ObsoleteAttribute", "System.FlagsAttribute", "System.Delegate", "System.MulticastDelegate", "System.EventHandler", "System.EventHandler`1",
        "System.EventArgs", "System.FormattableString", "System.Predicate`1", "System.Comparison`1", "System.Converter`2", "System.Action",
        "System.RuntimeFieldHandle", "System.ParamArrayAttribute",
        "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.IOrderedEnumerable`1", "System.Linq.Lookup`2",
        "System.Text.StringBuilder", "System.Text.StringBuilder+AppendInterpolatedStringHandler",
        "System.Threading.Timeout", "System.Threading.SynchronizationLockException", "System.Threading.SemaphoreFullException",
        "System.Threading.LockRecursionException", "System.Threading.BarrierPostPhaseException",
        "System.Diagnostics.DebuggableAttribute", "System.Diagnostics.DebuggableAttribute+DebuggingModes", "System.Diagnostics.DebuggerBrowsableAttribute",
        "System.Diagnostics.DebuggerBrowsableState", "System.Diagnostics.DebuggerHiddenAttribute", "System.Diagnostics.DebuggerStepThroughAttribute",
        "System.Diagnostics.DebuggerNonUserCodeAttribute", "System.Diagnostics.DebuggerDisplayAttribute", "System.Diagnostics.UnreachableException",
        "System.Reflection.DefaultMemberAttribute", "System.Runtime.InteropServices.InAttribute", "System.Runtime.InteropServices.OutAttribute",
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute", "System.Runtime.CompilerServices.CompilationRelaxationsAttribute",
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute", "System.Runtime.CompilerServices.ExtensionAttribute",
        "System.Runtime.CompilerServices.IsReadOnlyAttribute", "System.Runtime.CompilerServices.IsByRefLikeAttribute",
        "System.Runtime.CompilerServices.IsUnmanagedAttribute", "System.Runtime.CompilerServices.TupleElementNamesAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute", "System.Runtime.CompilerServices.IsExternalInit",
        "System.Runtime.CompilerServices.RequiredMemberAttribute", "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute",
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute",
        "System.Runtime.CompilerServices.InterpolatedStringHandlerArgumentAttribute", "System.Runtime.CompilerServices.ScopedRefAttribute",
        "System.Runtime.CompilerServices.ParamCollectionAttribute", "System.Runtime.CompilerServices.IsVolatile",
        "System.Runtime.CompilerServices.SwitchExpressionException",
        "System.Runtime.CompilerServices.NullableAttribute", "System.Runtime.CompilerServices.NullableContextAttribute",
        "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
    };

    /// <summary>
    /// Types a submission may name but use only through the members listed: what the compiler emits for records,
    /// events, <c>typeof</c> comparisons and array initialisers, and nothing that reaches reflection.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> RestrictedTypes = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["System.Type"] = new HashSet<string>(StringComparer.Ordinal) { "GetTypeFromHandle", "op_Equality", "op_Inequality" },
        ["System.RuntimeTypeHandle"] = new HashSet<string>(StringComparer.Ordinal),
        ["System.Delegate"] = new HashSet<string>(StringComparer.Ordinal) { "Combine", "Remove", "op_Equality", "op_Inequality" },
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = new HashSet<string>(StringComparer.Ordinal)
        {
            "InitializeArray", "CreateSpan", "GetSubArray", "EnsureSufficientExecutionStack",
        },
        ["System.Environment"] = new HashSet<string>(StringComparer.Ordinal) { "get_CurrentManagedThreadId", "get_TickCount", "get_TickCount64" },
    };

    /// <summary>Members of otherwise allowed types that stay refused ("Type::Member").</summary>
    private static readonly IReadOnlySet<string> RefusedMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Object::GetType",
    };

    private static readonly Assembly Contracts = typeof(IScenario).Assembly;

    /// <summary>The lab's own assembly, whose only part a submission may name is the exercises' own contracts (the async ones).</summary>
    private static readonly Assembly Lab = typeof(SubmissionAllowlist).Assembly;

    /// <summary>The namespace of the contracts of exercises that bring their own scenario.</summary>
    public const string ExerciseContractsNamespace = "Lab.Cli.Exercises.Contracts";

    /// <summary>Why a System.Threading or concurrent-collection type the rewriter does not control is refused.</summary>
    public const string UncontrolledConcurrency = "uncontrolled concurrency the explorer cannot see";

    /// <summary>True for a type the list allows by its full name (the few System.Threading constants and exceptions among them).</summary>
    public static bool AllowsByName(string fullName) => AllowedTypes.Contains(fullName);

    /// <summary>Null when a submission may reference type <paramref name="fullName"/> of assembly <paramref name="assembly"/>; otherwise what it is, in words.</summary>
    public static string? RefuseType(string fullName, string assembly)
    {
        if (assembly == Contracts.GetName().Name)
        {
            Type? contract = Contracts.GetType(fullName);
            return contract is { IsInterface: true, Namespace: { } contractNamespace } && contractNamespace.StartsWith("Lab.Scenarios.", StringComparison.Ordinal)
                ? null
                : "a reference implementation or part of the lab, not a contract";
        }
        if (assembly == Lab.GetName().Name)
        {
            return Lab.GetType(fullName) is { IsInterface: true, Namespace: ExerciseContractsNamespace } ? null : "part of the lab, not a contract";
        }
        string outermost = fullName.Split('+')[0];
        int cut = outermost.LastIndexOf('.');
        string ns = cut < 0 ? "" : outermost[..cut];
        if (AllowedNamespaces.Contains(ns)) return null;
        if (AllowedTypes.Contains(fullName) || ControlledFrameworkTypes.Contains(fullName) || RestrictedTypes.ContainsKey(fullName) || IsAllowedGenericFamily(fullName) || IsInlineArray(fullName) || IsFrameworkException(fullName, assembly, ns)) return null;
        return Category(fullName);
    }

    /// <summary>Null when member <paramref name="member"/> of the allowed type <paramref name="typeFullName"/> may be referenced; otherwise why not.</summary>
    public static string? RefuseMember(string typeFullName, string member)
    {
        if (RefusedMembers.Contains($"{typeFullName}::{member}")) return "reflection";
        return RestrictedTypes.TryGetValue(typeFullName, out IReadOnlySet<string>? allowed) && !allowed.Contains(member) ? Category(typeFullName) : null;
    }

    /// <summary>What kind of thing a refused type is, so the message says why it is refused.</summary>
    public static string Category(string fullName) => fullName switch
    {
        _ when fullName.StartsWith("System.Reflection", StringComparison.Ordinal) || fullName is "System.Type" or "System.Activator"
            or "System.RuntimeTypeHandle" or "System.RuntimeMethodHandle" || fullName.StartsWith("System.Runtime.Loader", StringComparison.Ordinal) => "reflection",
        _ when fullName.StartsWith("System.Runtime.CompilerServices.Unsafe", StringComparison.Ordinal) => "unsafe memory access",
        "System.Delegate" or "System.Runtime.CompilerServices.RuntimeHelpers" => "runtime internals",
        _ when fullName.StartsWith("System.Runtime.InteropServices", StringComparison.Ordinal) || fullName is "System.IntPtr" or "System.UIntPtr" => "interop",
        _ when fullName.StartsWith("Microsoft.CSharp", StringComparison.Ordinal) || fullName.StartsWith("System.Runtime.CompilerServices.CallSite", StringComparison.Ordinal) => "dynamic",
        "System.Console" => "the console",
        "System.Environment" => "the process environment",
        "System.AppDomain" or "System.AppContext" => "the application domain",
        "System.GC" => "the garbage collector",
        _ when fullName.StartsWith("System.IO", StringComparison.Ordinal) => "files and streams",
        _ when fullName.StartsWith("System.Net", StringComparison.Ordinal) => "the network",
        _ when fullName.StartsWith("System.Diagnostics.Process", StringComparison.Ordinal) => "processes",
        _ when fullName.StartsWith("System.Timers", StringComparison.Ordinal) || fullName is "System.Threading.Timer" or "System.Threading.PeriodicTimer" => "timers",
        _ when fullName.StartsWith("System.Linq.Parallel", StringComparison.Ordinal) || fullName.StartsWith("System.Linq.ParallelQuery", StringComparison.Ordinal) => "PLINQ",
        _ when fullName.StartsWith("System.Threading.Channels", StringComparison.Ordinal) => "channels",
        _ when fullName.StartsWith("System.Runtime.CompilerServices.AsyncIterator", StringComparison.Ordinal)
            || fullName.StartsWith("System.Threading.Tasks.Sources.", StringComparison.Ordinal) => AsyncStreams,
        _ when fullName.StartsWith("System.Threading", StringComparison.Ordinal) || fullName.StartsWith("System.Collections.Concurrent", StringComparison.Ordinal)
            => UncontrolledConcurrency,
        _ when IsAsyncMachinery(fullName) => UncontrolledAsync,
        _ => "not on the lab's list",
    };

    /// <summary>Why an async iterator (and the value-task sources it is made of) is refused.</summary>
    public const string AsyncStreams = "async streams are explored by the engine but not accepted in submissions yet; return a Task of a list instead";

    /// <summary>Why an awaiter, awaitable or async method builder the rewriter does not control is refused.</summary>
    public const string UncontrolledAsync = "an awaitable or async builder the explorer does not control; await tasks, ValueTasks, Task.Yield() or SemaphoreSlim.WaitAsync";

    /// <summary>Awaiter and builder plumbing of System.Runtime.CompilerServices (custom awaiters, async streams, custom builders).</summary>
    private static bool IsAsyncMachinery(string fullName) =>
        fullName.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal)
        && (fullName.Contains("Await", StringComparison.Ordinal) || fullName.Contains("NotifyCompletion", StringComparison.Ordinal)
            || fullName.Contains("Async", StringComparison.Ordinal));

    /// <summary>The framework's InlineArray2`1 to InlineArray16`1, which the compiler uses for a params span argument (Task.WhenAll(a, b)).</summary>
    private static bool IsInlineArray(string fullName) =>
        fullName.StartsWith("System.Runtime.CompilerServices.InlineArray", StringComparison.Ordinal) && fullName.EndsWith("`1", StringComparison.Ordinal)
        && int.TryParse(fullName["System.Runtime.CompilerServices.InlineArray".Length..^2], out int length) && length is >= 2 and <= 16;

    /// <summary>Func, Action, ValueTuple and Tuple of every arity.</summary>
    private static bool IsAllowedGenericFamily(string fullName)
    {
        int tick = fullName.IndexOf('`');
        return tick > 0 && fullName[..tick] is "System.Func" or "System.Action" or "System.ValueTuple" or "System.Tuple" && !fullName.Contains('+');
    }

    /// <summary>Exception types of the namespaces a submission may use (System, collections, the allowed threading exceptions).</summary>
    private static bool IsFrameworkException(string fullName, string assembly, string ns)
    {
        if (ns is not ("System" or "System.Collections.Generic")) return false;
        Type? type = Type.GetType($"{fullName}, {assembly}", throwOnError: false);
        return type is not null && typeof(Exception).IsAssignableFrom(type);
    }
}
