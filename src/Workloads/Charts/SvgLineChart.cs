using System.Globalization;
using System.Xml.Linq;

namespace Lab.Workloads.Charts;

/// <summary>
/// Draws a <see cref="LineChart"/> as a self-contained SVG document: grid, axes with round ticks, one polyline with markers
/// per series and a legend, in the look of the classic threads-vs-processes plots. Built as XML, so text is always escaped.
/// </summary>
public static class SvgLineChart
{
    /// <summary>Document width in pixels.</summary>
    public const int Width = 760;

    /// <summary>Document height in pixels.</summary>
    public const int Height = 460;

    /// <summary>The SVG namespace every element lives in.</summary>
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double PlotLeft = 80;
    private const double PlotTop = 56;
    private const double PlotRight = Width - 200;
    private const double PlotBottom = Height - 62;
    private const int TargetTickCount = 6;

    /// <summary>The chart as SVG text.</summary>
    public static string Render(LineChart chart) => ToDocument(chart).ToString();

    /// <summary>Writes the chart to <paramref name="path"/> as an SVG file.</summary>
    public static void Write(LineChart chart, string path) => ToDocument(chart).Save(path);

    /// <summary>The chart as an SVG document; points with non-finite coordinates are left out.</summary>
    public static XDocument ToDocument(LineChart chart)
    {
        ChartPoint[] all = chart.Series.SelectMany(series => Finite(series.Points)).ToArray();
        var xAxis = XAxis(chart.XScale, all.Select(point => point.X).ToArray());
        var yTicks = AxisTicks.Linear(0, all.Length == 0 ? 1 : Math.Max(all.Max(point => point.Y), 1e-9), TargetTickCount);
        Func<double, double> toX = value => PlotLeft + ((xAxis.Position(value) - xAxis.Low) / (xAxis.High - xAxis.Low) * (PlotRight - PlotLeft));
        Func<double, double> toY = value => PlotBottom - ((value - yTicks[0]) / (yTicks[^1] - yTicks[0]) * (PlotBottom - PlotTop));

        var root = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "white")),
            Text(chart.Title, (PlotLeft + PlotRight) / 2, 30, "middle", 16, "title"),
            new XElement(Svg + "g", new XAttribute("class", "grid"), xAxis.Ticks.Select(tick => VerticalTick(toX(tick), tick))),
            new XElement(Svg + "g", new XAttribute("class", "grid"), yTicks.Select(tick => HorizontalTick(toY(tick), tick))),
            new XElement(
                Svg + "rect",
                new XAttribute("class", "frame"),
                new XAttribute("x", Number(PlotLeft)),
                new XAttribute("y", Number(PlotTop)),
                new XAttribute("width", Number(PlotRight - PlotLeft)),
                new XAttribute("height", Number(PlotBottom - PlotTop)),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", "black")),
            Text(chart.XLabel, (PlotLeft + PlotRight) / 2, Height - 18, "middle", 13, "x-label"),
            YLabel(chart.YLabel),
            chart.Series.Select((series, index) => Line(series, ChartPalette.ColourFor(index), toX, toY)),
            Legend(chart.Series));
        return new XDocument(root);
    }

    private static IEnumerable<ChartPoint> Finite(IEnumerable<ChartPoint> points) =>
        points.Where(point => double.IsFinite(point.X) && double.IsFinite(point.Y));

    private static HorizontalAxis XAxis(AxisScale scale, double[] values)
    {
        if (scale == AxisScale.Log2)
        {
            double[] positive = values.Where(value => value > 0).ToArray();
            var ticks = positive.Length == 0 ? [1, 2] : AxisTicks.PowersOfTwo(positive.Min(), positive.Max());
            return new HorizontalAxis(ticks, Math.Log2(ticks[0]), Math.Log2(ticks[^1]), Math.Log2);
        }

        var linear = values.Length == 0 ? [0, 1] : AxisTicks.Linear(values.Min(), values.Max(), TargetTickCount);
        return new HorizontalAxis(linear, linear[0], linear[^1], value => value);
    }

    private static XElement Line(ChartSeries series, string colour, Func<double, double> toX, Func<double, double> toY)
    {
        ChartPoint[] points = Finite(series.Points).ToArray();
        var polyline = new XElement(
            Svg + "polyline",
            new XAttribute("points", string.Join(' ', points.Select(point => $"{Number(toX(point.X))},{Number(toY(point.Y))}"))),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", colour),
            new XAttribute("stroke-width", 2));
        if (series.Dashed)
        {
            polyline.Add(new XAttribute("stroke-dasharray", "6 4"));
        }

        return new XElement(
            Svg + "g",
            new XAttribute("class", "series"),
            new XAttribute("data-series", series.Name),
            new XElement(Svg + "title", series.Name),
            polyline,
            points.Select(point => new XElement(
                Svg + "circle",
                new XAttribute("cx", Number(toX(point.X))),
                new XAttribute("cy", Number(toY(point.Y))),
                new XAttribute("r", 3.5),
                new XAttribute("fill", colour))));
    }

    private static XElement Legend(IReadOnlyList<ChartSeries> series) => new(
        Svg + "g",
        new XAttribute("class", "legend"),
        series.Select((entry, index) =>
        {
            double y = PlotTop + 14 + (index * 22);
            var sample = new XElement(
                Svg + "line",
                new XAttribute("x1", Number(PlotRight + 16)),
                new XAttribute("x2", Number(PlotRight + 44)),
                new XAttribute("y1", Number(y)),
                new XAttribute("y2", Number(y)),
                new XAttribute("stroke", ChartPalette.ColourFor(index)),
                new XAttribute("stroke-width", 2));
            if (entry.Dashed)
            {
                sample.Add(new XAttribute("stroke-dasharray", "6 4"));
            }

            return new XElement(Svg + "g", sample, Text(entry.Name, PlotRight + 52, y + 4, "start", 12, "legend-label"));
        }));

    private static XElement VerticalTick(double x, double value) => new(
        Svg + "g",
        new XElement(
            Svg + "line",
            new XAttribute("x1", Number(x)),
            new XAttribute("x2", Number(x)),
            new XAttribute("y1", Number(PlotTop)),
            new XAttribute("y2", Number(PlotBottom)),
            new XAttribute("stroke", "#dddddd")),
        Text(Label(value), x, PlotBottom + 18, "middle", 12, "tick"));

    private static XElement HorizontalTick(double y, double value) => new(
        Svg + "g",
        new XElement(
            Svg + "line",
            new XAttribute("x1", Number(PlotLeft)),
            new XAttribute("x2", Number(PlotRight)),
            new XAttribute("y1", Number(y)),
            new XAttribute("y2", Number(y)),
            new XAttribute("stroke", "#dddddd")),
        Text(Label(value), PlotLeft - 8, y + 4, "end", 12, "tick"));

    private static XElement YLabel(string label)
    {
        double x = 22;
        double y = (PlotTop + PlotBottom) / 2;
        var text = Text(label, x, y, "middle", 13, "y-label");
        text.Add(new XAttribute("transform", $"rotate(-90 {Number(x)} {Number(y)})"));
        return text;
    }

    private static XElement Text(string content, double x, double y, string anchor, int size, string cssClass) => new(
        Svg + "text",
        new XAttribute("class", cssClass),
        new XAttribute("x", Number(x)),
        new XAttribute("y", Number(y)),
        new XAttribute("text-anchor", anchor),
        new XAttribute("font-size", size),
        content);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Label(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
