using System.Diagnostics;

namespace Lab.Performance.Tests.Support;

/// <summary>Asks the operating system whether a process id still belongs to a live process.</summary>
internal static class ProcessTable
{
    /// <summary>True if a process with <paramref name="processId"/> exists and has not exited.</summary>
    public static bool IsRunning(int processId)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return false; // GetProcessById's documented answer for "no such process".
        }

        using (process)
        {
            return !process.HasExited;
        }
    }
}
