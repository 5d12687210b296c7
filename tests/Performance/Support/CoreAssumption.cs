namespace Lab.Performance.Tests.Support;

/// <summary>The stated assumption of every speedup test: at least two cores, and expectations scaled to the cores there are.</summary>
internal static class CoreAssumption
{
    /// <summary>Skips the test below two cores, where no parallel speedup is possible; otherwise returns p = min(workers, cores).</summary>
    public static int ParallelismFor(int workers)
    {
        int cores = Environment.ProcessorCount;
        if (cores < 2)
        {
            Assert.Ignore($"This machine has {cores} core; CPU speedups need at least 2 cores, so this expectation cannot be tested here.");
        }

        int parallelism = Math.Min(workers, cores);
        TestContext.Out.WriteLine($"Assumption: {cores} cores, {workers} workers, so p = min(workers, cores) = {parallelism}.");
        return parallelism;
    }
}
