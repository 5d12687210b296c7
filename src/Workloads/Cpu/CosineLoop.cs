using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>The classic CPU-bound loop from the Python threads-vs-processes comparisons, kept literally so the results line up.</summary>
public static class CosineLoop
{
    private const long CheckpointMask = 1023;

    /// <summary>Runs <c>foo += foo * Math.Cos(i * Math.PI)</c> for <paramref name="iterations"/> iterations and returns <c>foo</c>.</summary>
    public static double Compute(long iterations, IInterpreterLock interpreterLock)
    {
        double foo = 1.0;
        for (long i = 0; i < iterations; i++)
        {
            foo += foo * Math.Cos(i * Math.PI);
            if ((i & CheckpointMask) == 0)
            {
                interpreterLock.Checkpoint();
            }
        }

        return foo;
    }
}
