using System.Globalization;

namespace Observability.Internal.Pdf;

/// <content>A chart drawn from the dashboard's own chart data (<see cref="SvgChart"/>): the same series, reference lines, markers and gaps.</content>
internal sealed partial class PdfLayout
{
    private const double ChartHeight = 190, PlotLeft = 58, PlotRight = 96, PlotTop = 30, PlotBottom = 30;

    public void Chart(SvgChart chart)
    {
        Ensure(ChartHeight + 30);
        var top = _y + 4;
        var page = Page;
        var left = Margin + PlotLeft;
        var right = PageWidth - Margin - PlotRight;
        var plotTop = top + PlotTop;
        var plotBottom = top + ChartHeight - PlotBottom;

        var axis = ChartAxis.For(chart);
        var (lo, hi) = (axis.Low, axis.High);

        var span = Math.Max(1, (chart.End - chart.Start).Ticks);
        double X(DateTimeOffset t) => left + ((right - left) * Math.Clamp((double)(t - chart.Start).Ticks / span, 0, 1));
        double Y(double v) => plotTop + ((plotBottom - plotTop) * (1 - ((Math.Clamp(v, lo, hi) - lo) / (hi - lo))));

        page.Text(Margin, top + 12, chart.Title, 10, bold: true);
        foreach (var (gs, ge) in chart.Gaps)
        {
            page.Rectangle(X(gs), plotTop, Math.Max(1, X(ge) - X(gs)), plotBottom - plotTop, "#dde1e5");
        }

        foreach (var v in axis.Ticks)
        {
            page.Line(left, Y(v), right, Y(v), "#eaeef2", 0.5);
            page.TextRight(left - 4, Y(v) + 2.5, chart.Format(v), 6.5, color: "#57606a");
        }

        for (var i = 0; i <= 6; i++)
        {
            var t = chart.Start + TimeSpan.FromTicks(span * i / 6);
            var label = t.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
            page.Text(X(t) - (PdfFont.Width(label, 6.5, false) / 2), plotBottom + 10, label, 6.5, color: "#57606a");
        }

        page.Line(left, plotTop, left, plotBottom, "#57606a", 0.7);
        page.Line(left, plotBottom, right, plotBottom, "#57606a", 0.7);
        page.Text(((left + right) / 2) - 20, plotBottom + 21, "Time (UTC)", 7);
        page.Text(Margin, plotTop - 6, chart.YLabel, 7, color: "#57606a");

        foreach (var line in chart.Lines)
        {
            page.Line(left, Y(line.Value), right, Y(line.Value), line.Color, 0.9, dashed: true);
            page.Text(right + 4, Y(line.Value) + 2.5, line.Label, 6.5, color: line.Color);
        }

        foreach (var marker in chart.Markers)
        {
            page.Line(X(marker.Time), plotTop, X(marker.Time), plotBottom, marker.Kind == "change_point" ? "#bc4c00" : "#8250df", 0.6, dashed: true);
        }

        var legendY = plotBottom - 4.0;
        foreach (var series in chart.Series)
        {
            foreach (var run in Runs(series, X, Y))
            {
                page.Polyline(run, series.Color, 0.9);
            }

            page.Text(right + 4, legendY, series.Name, 7, bold: true, color: series.Color);
            legendY -= 10;
        }

        _y = top + ChartHeight;
        Paragraph(chart.Description, 7.5, color: "#57606a");
    }

    /// <summary>
    /// The series as unbroken runs of points (a missing value breaks a run). A long series arrives already thinned to
    /// the lowest and highest value of each time slice (<see cref="ChartPoints"/>), the points the page draws too.
    /// </summary>
    private static List<List<(double X, double Y)>> Runs(ChartSeries series, Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        var runs = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? run = null;
        foreach (var (time, value) in series.Points)
        {
            if (value is not { } v || !double.IsFinite(v))
            {
                run = null;
                continue;
            }

            if (run is null)
            {
                run = [];
                runs.Add(run);
            }

            run.Add((x(time), y(v)));
        }

        return runs;
    }
}
