using Lab.Systematic.Interception;

namespace Lab.Rewriting.Tests.TestDoubles;

/// <summary>Monitor stand-ins that record, then do what Monitor does (Wait is left out on purpose: it must be reported uncontrolled).</summary>
[InterceptsType("System.Threading.Monitor")]
public static class MonitorDouble
{
    /// <summary>Monitor.Enter(object).</summary>
    public static void Enter(object obj, string callerFile, int callerLine, string? resourceName)
    {
        StandInLog.Add("Monitor.Enter", resourceName, callerFile, callerLine, obj);
        Monitor.Enter(obj);
    }

    /// <summary>Monitor.Enter(object, ref bool), what the lock statement calls; site parameters in another order.</summary>
    public static void Enter(object obj, ref bool lockTaken, string? resourceName, int callerLine, string callerFile)
    {
        StandInLog.Add("Monitor.Enter", resourceName, callerFile, callerLine, obj);
        Monitor.Enter(obj, ref lockTaken);
    }

    /// <summary>Monitor.Exit(object).</summary>
    public static void Exit(object obj, string callerFile, int callerLine, string? resourceName)
    {
        StandInLog.Add("Monitor.Exit", resourceName, callerFile, callerLine, obj);
        Monitor.Exit(obj);
    }
}

/// <summary>System.Threading.Lock stand-ins.</summary>
[InterceptsType("System.Threading.Lock")]
public static class LockDouble
{
    /// <summary>new Lock().</summary>
    public static Lock New(string? resourceName)
    {
        StandInLog.Add("Lock.New", resourceName, "", 0);
        return new Lock();
    }

    /// <summary>Lock.EnterScope(), what the lock statement calls on a Lock.</summary>
    public static Lock.Scope EnterScope(Lock receiver, string callerFile, int callerLine, string? resourceName)
    {
        StandInLog.Add("Lock.EnterScope", resourceName, callerFile, callerLine);
        return receiver.EnterScope();
    }
}

/// <summary>The nested Lock.Scope, named as Cecil spells it.</summary>
[InterceptsType("System.Threading.Lock/Scope")]
public static class LockScopeDouble
{
    /// <summary>Lock.Scope.Dispose(): a struct receiver, by reference.</summary>
    public static void Dispose(ref Lock.Scope scope, string callerFile, int callerLine)
    {
        StandInLog.Add("Lock.Scope.Dispose", null, callerFile, callerLine);
        scope.Dispose();
    }
}

/// <summary>Thread stand-ins.</summary>
[InterceptsType("System.Threading.Thread")]
public static class ThreadDouble
{
    /// <summary>new Thread(ThreadStart).</summary>
    public static Thread New(ThreadStart start, string callerFile, int callerLine, string? resourceName)
    {
        StandInLog.Add("Thread.New", resourceName, callerFile, callerLine);
        return new Thread(start);
    }

    /// <summary>Thread.Start().</summary>
    public static void Start(Thread thread, string? resourceName)
    {
        StandInLog.Add("Thread.Start", resourceName, "", 0, thread);
        thread.Start();
    }

    /// <summary>Thread.Join().</summary>
    public static void Join(Thread thread, string? resourceName)
    {
        StandInLog.Add("Thread.Join", resourceName, "", 0, thread);
        thread.Join();
    }
}

/// <summary>SemaphoreSlim stand-ins (callvirt on a class).</summary>
[InterceptsType("System.Threading.SemaphoreSlim")]
public static class SemaphoreSlimDouble
{
    /// <summary>new SemaphoreSlim(int).</summary>
    public static SemaphoreSlim New(int initialCount, string? resourceName)
    {
        StandInLog.Add("SemaphoreSlim.New", resourceName, "", 0);
        return new SemaphoreSlim(initialCount);
    }

    /// <summary>SemaphoreSlim.Wait().</summary>
    public static void Wait(SemaphoreSlim semaphore, string? resourceName)
    {
        StandInLog.Add("SemaphoreSlim.Wait", resourceName, "", 0, semaphore);
        semaphore.Wait();
    }

    /// <summary>SemaphoreSlim.Release().</summary>
    public static int Release(SemaphoreSlim semaphore, string? resourceName)
    {
        StandInLog.Add("SemaphoreSlim.Release", resourceName, "", 0, semaphore);
        return semaphore.Release();
    }
}

/// <summary>SpinLock stand-ins: a struct, so instance members take the receiver by reference.</summary>
[InterceptsType("System.Threading.SpinLock")]
public static class SpinLockDouble
{
    /// <summary>new SpinLock(bool).</summary>
    public static SpinLock New(bool enableThreadOwnerTracking, string? resourceName)
    {
        StandInLog.Add("SpinLock.New", resourceName, "", 0);
        return new SpinLock(enableThreadOwnerTracking);
    }

    /// <summary>SpinLock.Enter(ref bool).</summary>
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken, string? resourceName)
    {
        StandInLog.Add("SpinLock.Enter", resourceName, "", 0);
        spinLock.Enter(ref lockTaken);
    }

    /// <summary>SpinLock.Exit().</summary>
    public static void Exit(ref SpinLock spinLock, string? resourceName)
    {
        StandInLog.Add("SpinLock.Exit", resourceName, "", 0);
        spinLock.Exit();
    }
}

/// <summary>Task&lt;TResult&gt; stand-ins: a generic type, so the stand-in is generic in the type's parameter.</summary>
[InterceptsType("System.Threading.Tasks.Task`1")]
public static class TaskOfTDouble
{
    /// <summary>Task&lt;TResult&gt;.Result.</summary>
    public static TResult get_Result<TResult>(Task<TResult> task, string callerFile, int callerLine)
    {
        StandInLog.Add("Task.Result", typeof(TResult).Name, callerFile, callerLine, task);
        return task.Result;
    }
}

/// <summary>Interlocked stand-ins: a generic method of a non-generic type.</summary>
[InterceptsType("System.Threading.Interlocked")]
public static class InterlockedDouble
{
    /// <summary>Interlocked.CompareExchange&lt;T&gt;(ref T, T, T).</summary>
    public static T CompareExchange<T>(ref T location, T value, T comparand, string? resourceName) where T : class?
    {
        StandInLog.Add("Interlocked.CompareExchange", resourceName, "", 0, typeof(T));
        return Interlocked.CompareExchange(ref location, value, comparand);
    }
}
