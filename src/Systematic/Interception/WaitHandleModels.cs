using Lab.Systematic.Runtime;
using Controlled = Lab.Systematic.Threading;

namespace Lab.Systematic.Interception;

/// <summary>
/// The controlled models behind the kernel-style wait handles (ManualResetEvent, AutoResetEvent, EventWaitHandle,
/// Semaphore) and the one wait every WaitHandle call goes through, whatever the handle's kind.
/// </summary>
internal static class WaitHandleModels
{
    /// <summary>Maps a handle created inside an exploration to its model; returns the handle.</summary>
    public static T Track<T>(T handle, Func<object> model) where T : WaitHandle
    {
        if (ControlledRuntime.Current is { } runtime) ObjectModels.Add(runtime, handle, model());
        return handle;
    }

    /// <summary>A controlled wait on the handle's model; a time-out advances virtual time.</summary>
    public static bool Wait(object model, int millisecondsTimeout, string file, int line)
    {
        bool signalled = model switch
        {
            Controlled.ManualResetEventSlim manual => manual.Wait(millisecondsTimeout, file, line),
            Controlled.AutoResetEvent auto => auto.WaitOne(millisecondsTimeout, file, line),
            Controlled.SemaphoreSlim semaphore => semaphore.Wait(millisecondsTimeout, file, line),
            _ => throw new InvalidOperationException($"no wait model for {model.GetType().Name}"),
        };
        if (!signalled) VirtualTime.Advance(millisecondsTimeout);
        return signalled;
    }

    /// <summary>The handle's model inside an exploration (null outside); a handle created outside is reported.</summary>
    public static object? Of(WaitHandle handle, string primitive)
    {
        object? model = ObjectModels.Of<object>(handle, primitive);
        if (model is null or Controlled.ManualResetEventSlim or Controlled.AutoResetEvent or Controlled.SemaphoreSlim) return model;
        ControlledRuntime.CheckRealUse(primitive);
        return null;
    }
}
