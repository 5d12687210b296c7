using System.Globalization;
using System.Xml.Linq;
using Lab.Workloads.Charts;

namespace Lab.Performance.Tests.Charts;

[TestFixture]
[Category("Workloads")]
public sealed class SvgLineChartSpecs
{
    private static readonly XNamespace Svg = SvgLineChart.Svg;

    private static readonly LineChart ThreeExecutors = new(
        "CPU-bound: time vs workers",
        "workers",
        "time (s)",
        [
            new ChartSeries("threads", Points((1, 0.2), (2, 0.1), (4, 0.1), (8, 0.1), (16, 0.11))),
            new ChartSeries("gil-threads", Points((1, 0.2), (2, 0.2), (4, 0.21), (8, 0.21), (16, 0.22))),
            new ChartSeries("sequential", Points((1, 0.2), (16, 0.2)), Dashed: true),
        ],
        AxisScale.Log2);

    [Test]
    public void Render_ParsesAsXml_WithOnePolylinePerSeries()
    {
        XDocument document = XDocument.Parse(SvgLineChart.Render(ThreeExecutors));
        var seriesGroups = document.Descendants(Svg + "g").Where(group => (string?)group.Attribute("class") == "series").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(document.Root!.Name, Is.EqualTo(Svg + "svg"));
            Assert.That(document.Descendants(Svg + "polyline").Count(), Is.EqualTo(3));
            Assert.That(seriesGroups.Select(group => (string?)group.Attribute("data-series")), Is.EqualTo(new[] { "threads", "gil-threads", "sequential" }));
            Assert.That(seriesGroups.Select(group => group.Elements(Svg + "polyline").Count()), Is.All.EqualTo(1));
        });
    }

    [Test]
    public void Render_DrawsEveryPointInsideTheCanvas_WithLongerTimesHigherUp()
    {
        XDocument document = XDocument.Parse(SvgLineChart.Render(ThreeExecutors));
        var threads = PolylinePoints(document, "threads");
        Assert.Multiple(() =>
        {
            Assert.That(threads, Has.Count.EqualTo(5));
            Assert.That(threads.Select(point => point.X), Is.All.InRange(0, SvgLineChart.Width));
            Assert.That(threads.Select(point => point.Y), Is.All.InRange(0, SvgLineChart.Height));
            Assert.That(threads.Select(point => point.X), Is.Ordered.Ascending, "more workers further right");
            Assert.That(threads[0].Y, Is.LessThan(threads[1].Y), "0.2 s is drawn above 0.1 s");
        });
    }

    [Test]
    public void Render_Log2Axis_SpacesDoublingsEvenly_AndLabelsPowersOfTwo()
    {
        XDocument document = XDocument.Parse(SvgLineChart.Render(ThreeExecutors));
        var xs = PolylinePoints(document, "threads").Select(point => point.X).ToArray();
        var gaps = xs.Zip(xs.Skip(1), (left, right) => right - left).ToArray();
        var tickLabels = document.Descendants(Svg + "text").Where(text => (string?)text.Attribute("class") == "tick").Select(text => text.Value);
        Assert.Multiple(() =>
        {
            Assert.That(gaps, Is.All.EqualTo(gaps[0]).Within(0.02));
            Assert.That(tickLabels, Is.SupersetOf(new[] { "1", "2", "4", "8", "16" }));
        });
    }

    [Test]
    public void Render_EscapesMarkupInTitleAndSeriesNames()
    {
        var chart = ThreeExecutors with
        {
            Title = "threads < processes & \"GIL\"",
            Series = [new ChartSeries("a<b>&c", Points((1, 1), (2, 0.5)))],
        };
        XDocument document = XDocument.Parse(SvgLineChart.Render(chart));
        Assert.Multiple(() =>
        {
            Assert.That(document.Descendants(Svg + "text").Single(text => (string?)text.Attribute("class") == "title").Value, Is.EqualTo("threads < processes & \"GIL\""));
            Assert.That(document.Descendants(Svg + "g").Single(group => (string?)group.Attribute("class") == "series").Attribute("data-series")!.Value, Is.EqualTo("a<b>&c"));
        });
    }

    [Test]
    public void Render_DashedSeries_CarriesADashArray_AndSolidOnesDoNot()
    {
        XDocument document = XDocument.Parse(SvgLineChart.Render(ThreeExecutors));
        Assert.Multiple(() =>
        {
            Assert.That(Polyline(document, "sequential").Attribute("stroke-dasharray"), Is.Not.Null);
            Assert.That(Polyline(document, "threads").Attribute("stroke-dasharray"), Is.Null);
        });
    }

    [Test]
    public void Render_SeriesWithoutFinitePoints_StillGetsItsPolyline_AndTheDocumentStaysValid()
    {
        var chart = ThreeExecutors with { Series = [new ChartSeries("empty", []), new ChartSeries("nan", Points((1, double.NaN)))] };
        XDocument document = XDocument.Parse(SvgLineChart.Render(chart));
        Assert.That(document.Descendants(Svg + "polyline").Count(), Is.EqualTo(2));
    }

    private static ChartPoint[] Points(params (double X, double Y)[] points) => points.Select(point => new ChartPoint(point.X, point.Y)).ToArray();

    private static XElement Polyline(XDocument document, string series) => document
        .Descendants(Svg + "g")
        .Single(group => (string?)group.Attribute("data-series") == series)
        .Element(Svg + "polyline")!;

    private static List<ChartPoint> PolylinePoints(XDocument document, string series) => Polyline(document, series)
        .Attribute("points")!.Value
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split(','))
        .Select(xy => new ChartPoint(double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
        .ToList();
}
