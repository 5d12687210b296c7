namespace Lab.Benchmarks.Programs;

/// <summary>The engine benchmark's program in ordinary C#: two threads, ten <c>Thread.Yield</c> each, started and joined by main.</summary>
public static class TenYieldsEach
{
    /// <summary>One run of the program.</summary>
    public static void Run()
    {
        var t1 = new Thread(TenYields);
        var t2 = new Thread(TenYields);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    private static void TenYields()
    {
        for (int i = 0; i < 10; i++) Thread.Yield();
    }
}
