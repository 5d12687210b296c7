using Lab.Workloads.Gil;

namespace Lab.Workloads.Cpu;

/// <summary>Escape-time iteration over the upper half of the Mandelbrot set, whose rows cost very different amounts.</summary>
public static class MandelbrotStrip
{
    /// <summary>The total escape iterations of rows <c>[firstRow, firstRow + rowCount)</c>, a checksum of the work done.</summary>
    public static long IterateRows(MandelbrotView view, int firstRow, int rowCount, IInterpreterLock interpreterLock)
    {
        long total = 0;
        for (int row = firstRow; row < firstRow + rowCount; row++)
        {
            double imaginary = MandelbrotView.ImaginaryMin
                + ((MandelbrotView.ImaginaryMax - MandelbrotView.ImaginaryMin) * row / view.Height);
            for (int column = 0; column < view.Width; column++)
            {
                double real = MandelbrotView.RealMin + ((MandelbrotView.RealMax - MandelbrotView.RealMin) * column / view.Width);
                total += EscapeIterations(real, imaginary, view.MaxIterations);
                interpreterLock.Checkpoint();
            }
        }

        return total;
    }

    /// <summary>How many iterations of z = z² + c it takes |z| to exceed 2, capped at <paramref name="maxIterations"/>.</summary>
    public static int EscapeIterations(double real, double imaginary, int maxIterations)
    {
        double x = 0;
        double y = 0;
        int iteration = 0;
        while (iteration < maxIterations && (x * x) + (y * y) <= 4.0)
        {
            double nextX = (x * x) - (y * y) + real;
            y = (2 * x * y) + imaginary;
            x = nextX;
            iteration++;
        }

        return iteration;
    }
}
