namespace Lab.Benchmarks.Rewritten;

/// <summary>
/// The engine benchmark's program in ordinary C#: two threads, ten plain-field writes each (ten scheduling points once
/// rewritten, as the API version's ten yields), started and joined by main. Each thread writes its own object, so
/// there is no race to report.
/// </summary>
public static class TenWritesEach
{
    /// <summary>One run of the program.</summary>
    public static void Run()
    {
        var first = new Tally();
        var second = new Tally();
        var t1 = new Thread(first.TenWrites);
        var t2 = new Thread(second.TenWrites);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }
}
