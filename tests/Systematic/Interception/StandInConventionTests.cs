using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using Lab.Systematic.Interception;

namespace Lab.Systematic.Tests.Interception;

/// <summary>
/// Every stand-in matches a real member exactly as docs/rewriting.md says the rewriter looks for it: same name (New
/// for a constructor), the receiver first (by ref for a struct), the original parameters with the same types after
/// generic substitution, the same return type, then only the site parameters. A stand-in that matches nothing would be
/// silently ignored by the rewriter, leaving the construct uncontrolled.
/// </summary>
public sealed class StandInConventionTests
{
    private static readonly string[] SiteParameters = ["callerFile", "callerLine", "resourceName"];

    private static readonly Assembly[] Framework =
    [
        typeof(Monitor).Assembly, typeof(Task).Assembly, typeof(Parallel).Assembly, typeof(ConcurrentQueue<>).Assembly,
        typeof(BlockingCollection<>).Assembly, typeof(Stopwatch).Assembly, typeof(Barrier).Assembly, typeof(Semaphore).Assembly,
        typeof(ConcurrentBag<>).Assembly, typeof(System.Threading.Channels.Channel).Assembly,
    ];

    private static IEnumerable<Type> StandIns() => typeof(MemoryAccess).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes<InterceptsTypeAttribute>().Any());

    private static Type TargetOf(InterceptsTypeAttribute attribute) =>
        Framework.Select(a => a.GetType(attribute.TargetTypeFullName.Replace('/', '+'))).FirstOrDefault(t => t is not null)
        ?? throw new AssertionException($"no framework type {attribute.TargetTypeFullName}");

    [Test]
    public void EveryStandIn_MatchesARealMember_ByTheRewritersConvention()
    {
        var mismatches = new List<string>();
        int checkedMethods = 0;
        foreach (Type standIn in StandIns())
        {
            Assert.That(standIn.IsAbstract && standIn.IsSealed && standIn.IsPublic, Is.True, $"{standIn.Name} must be a public static class");
            Type target = TargetOf(standIn.GetCustomAttribute<InterceptsTypeAttribute>()!);
            foreach (MethodInfo method in standIn.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                checkedMethods++;
                if (!Matches(target, method)) mismatches.Add($"{standIn.Name}.{method}");
            }
        }

        Assert.That(mismatches, Is.Empty);
        Assert.That(checkedMethods, Is.GreaterThan(250));
    }

    [Test]
    public void TheContractsCoreTargets_AllHaveStandIns()
    {
        string[] targets = [.. StandIns().SelectMany(t => t.GetCustomAttributes<InterceptsTypeAttribute>()).Select(a => a.TargetTypeFullName)];

        Assert.That(targets, Is.SupersetOf(new[]
        {
            "System.Threading.Monitor", "System.Threading.Lock", "System.Threading.Lock/Scope", "System.Threading.Thread",
            "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.TaskFactory",
            "System.Threading.Tasks.Parallel", "System.Threading.ThreadPool", "System.Threading.SemaphoreSlim",
            "System.Threading.Semaphore", "System.Threading.ManualResetEventSlim", "System.Threading.ManualResetEvent",
            "System.Threading.AutoResetEvent", "System.Threading.EventWaitHandle", "System.Threading.WaitHandle",
            "System.Threading.CountdownEvent", "System.Threading.Barrier", "System.Threading.ReaderWriterLockSlim",
            "System.Threading.SpinLock", "System.Threading.SpinWait", "System.Threading.Interlocked", "System.Threading.Volatile",
            "System.Collections.Concurrent.ConcurrentDictionary`2", "System.Collections.Concurrent.ConcurrentQueue`1",
            "System.Collections.Concurrent.ConcurrentStack`1", "System.Collections.Concurrent.ConcurrentBag`1",
            "System.Collections.Concurrent.BlockingCollection`1", "System.Random", "System.DateTime", "System.Diagnostics.Stopwatch",
            "System.Environment",
        }));
    }

    private static bool Matches(Type target, MethodInfo standIn)
    {
        ParameterInfo[] all = standIn.GetParameters();
        int siteStart = all.Length;
        while (siteStart > 0 && SiteParameters.Contains(all[siteStart - 1].Name)) siteStart--;
        Type[] parameters = [.. all.Take(siteStart).Select(p => p.ParameterType)];
        Type[] methodArguments = standIn.IsGenericMethodDefinition ? standIn.GetGenericArguments() : [];
        int typeArity = target.IsGenericTypeDefinition ? target.GetGenericArguments().Length : 0;
        if (methodArguments.Length < typeArity) return false;
        Type closed = typeArity > 0 ? target.MakeGenericType(methodArguments[..typeArity]) : target;
        Type[] ownArguments = methodArguments[typeArity..];

        if (standIn.Name == "New")
        {
            return standIn.ReturnType == closed && ownArguments.Length == 0
                && closed.GetConstructors().Any(c => SameTypes(c.GetParameters().Select(p => p.ParameterType), parameters));
        }
        foreach (MethodInfo real in closed.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Where(m => m.Name == standIn.Name))
        {
            MethodInfo candidate = real;
            if (real.IsGenericMethodDefinition)
            {
                if (real.GetGenericArguments().Length != ownArguments.Length) continue;
                try
                {
                    candidate = real.MakeGenericMethod(ownArguments);
                }
                catch (ArgumentException)
                {
                    continue;
                }
            }
            else if (ownArguments.Length != 0) continue;
            IEnumerable<Type> expected = candidate.GetParameters().Select(p => p.ParameterType);
            if (!candidate.IsStatic) expected = expected.Prepend(closed.IsValueType ? closed.MakeByRefType() : closed);
            if (SameTypes(expected, parameters) && candidate.ReturnType == standIn.ReturnType) return true;
        }
        return false;
    }

    private static bool SameTypes(IEnumerable<Type> expected, Type[] actual) => expected.SequenceEqual(actual);
}
