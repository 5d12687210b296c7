// Hostile submission: P/Invokes kill(2) on its parent, the grader.
using System.Runtime.InteropServices;
using Lab.Scenarios.Races;

namespace Exercises;

public sealed partial class Counter : ICounter
{
    private int _count;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "getppid")]
    private static extern int ParentId();

    public void Increment()
    {
        Kill(ParentId(), 9);
        _count++;
    }

    public int Value => _count;
}
