using System.Runtime.ExceptionServices;

namespace Lab.Scenarios.Stress;

/// <summary>
/// One real run of a harness, and where the exceptions of the threads it starts go. Harnesses start plain threads, and
/// an exception that ends a plain thread would end the process; while a run is current (an async-local that every
/// thread started from it inherits), such an exception is recorded as the run's failure and ends only that thread.
/// </summary>
internal sealed class RealRun
{
    private static readonly AsyncLocal<RealRun?> Current = new();
    private static readonly Lazy<bool> HandlerInstalled = new(InstallHandler);
    private Exception? _failure;

    /// <summary>The first exception of the run: of the harness body, or of a thread it started, whichever came first.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Runs <paramref name="body"/> as the current run on the calling thread, recording its exception.</summary>
    public void Execute(Action body)
    {
        _ = HandlerInstalled.Value;
        Current.Value = this;
        try
        {
            body();
        }
        catch (Exception exception)
        {
            Record(exception);
        }
        finally
        {
            Current.Value = null;
        }
    }

    private void Record(Exception exception) => Interlocked.CompareExchange(ref _failure, exception, null);

    /// <summary>
    /// Installs the process's unhandled-exception handler once; false if another component installed one first, in
    /// which case a thread's exception ends the process as usual.
    /// </summary>
    private static bool InstallHandler()
    {
        try
        {
            ExceptionHandling.SetUnhandledExceptionHandler(OnUnhandled);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A thread of a current run failed: record it and let the thread end; anything else stays unhandled.</summary>
    private static bool OnUnhandled(Exception exception)
    {
        if (Current.Value is not { } run) return false;
        run.Record(exception);
        return true;
    }
}
