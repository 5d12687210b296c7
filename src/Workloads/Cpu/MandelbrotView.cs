namespace Lab.Workloads.Cpu;

/// <summary>The pixel grid and iteration cap of a Mandelbrot strip.</summary>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows in the strip.</param>
/// <param name="MaxIterations">Iterations after which a point counts as inside the set; inside points are the expensive ones.</param>
public sealed record MandelbrotView(int Width, int Height, int MaxIterations)
{
    /// <summary>Left edge of the strip on the real axis.</summary>
    public const double RealMin = -2.0;

    /// <summary>Right edge of the strip on the real axis.</summary>
    public const double RealMax = 0.6;

    /// <summary>The first row lies on the real axis, through the heavy body of the set.</summary>
    public const double ImaginaryMin = 0.0;

    /// <summary>The last row lies above the set, where points escape at once: rows get cheaper down the strip.</summary>
    public const double ImaginaryMax = 1.3;
}
