using Lab.Systematic.Coyote.Monitors;
using RealThread = System.Threading.Thread;

namespace Lab.Scenarios.Coyote;

/// <summary>
/// Stands in for <see cref="System.Threading.Thread"/> in the Coyote copy of the scenarios only (a global using alias
/// in Lab.Scenarios.Coyote.csproj): the same members the harnesses use, but the thread's name stays here. Coyote 1.7.11
/// loses control of a thread whose <c>Name</c> was set (measured: the lock-order inversion then ends in "Potential
/// deadlock or hang detected" after Coyote's 1 s timer instead of "Deadlock detected" at once).
/// </summary>
public sealed class CoyoteThread
{
    private readonly RealThread _thread;

    /// <summary>A thread that will run <paramref name="start"/>, known to Coyote reports by <see cref="Name"/>.</summary>
    public CoyoteThread(System.Threading.ThreadStart start) => _thread = new RealThread(() =>
    {
        CoyoteThreadName.Current = Name;
        start();
    });

    /// <summary>The name the harness gave; never passed to the real thread (Coyote's reports get it through <see cref="CoyoteThreadName"/>).</summary>
    public string? Name { get; set; }

    /// <summary>As <see cref="RealThread.IsBackground"/>.</summary>
    public bool IsBackground
    {
        get => _thread.IsBackground;
        set => _thread.IsBackground = value;
    }

    /// <summary>The real thread, as <see cref="RealThread.CurrentThread"/> gives it.</summary>
    public static RealThread CurrentThread => RealThread.CurrentThread;

    /// <summary>As <see cref="RealThread.Start()"/> (a Coyote scheduling point once rewritten).</summary>
    public void Start() => _thread.Start();

    /// <summary>As <see cref="RealThread.Join()"/>.</summary>
    public void Join() => _thread.Join();

    /// <summary>As <see cref="RealThread.Join(int)"/>.</summary>
    public bool Join(int millisecondsTimeout) => _thread.Join(millisecondsTimeout);

    /// <summary>As <see cref="RealThread.Yield"/> (a Coyote scheduling point once rewritten).</summary>
    public static bool Yield() => RealThread.Yield();

    /// <summary>As <see cref="RealThread.Sleep(int)"/> (a delay of random length under Coyote).</summary>
    public static void Sleep(int millisecondsTimeout) => RealThread.Sleep(millisecondsTimeout);

    /// <summary>The name, as a harness would print it.</summary>
    public override string ToString() => Name ?? "thread";
}
