namespace Lab.Systematic.Runtime;

/// <summary>How long a parked operation spins before it blocks in the kernel.</summary>
/// <remarks>
/// Measured with tools/Benchmarks on 2 cores: blocking at once makes every switch a kernel wake (about 4,500
/// iterations/s for the two-thread benchmark); 35 spins give about 46,000, 100 about 48,000–56,000, and more buys
/// nothing. The cost is that a waiting operation keeps a core busy for a moment, so one exploration already uses
/// both cores of a 2-core machine and a second parallel worker adds little there.
/// </remarks>
internal static class BatonSpin
{
    public const int Count = 100;
}
