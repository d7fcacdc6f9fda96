using System.Globalization;
using System.Net;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// One line of a chart: its name, colour and the points drawn (a <see langword="null"/> value breaks the line);
/// <paramref name="Thinned"/> when they are the lowest and highest of each time slice of a longer series (<see cref="ChartPoints"/>).
/// </summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(DateTimeOffset Time, double? Value)> Points, bool Thinned = false);

/// <summary>A horizontal reference line (an SLO, a threshold) with its label.</summary>
internal sealed record ChartLine(string Label, double Value, string Color);

/// <summary>A vertical marker at a time (an anomaly, a change point).</summary>
internal sealed record ChartMarker(string Label, DateTimeOffset Time, string Kind);

/// <summary>
/// A time-series line chart as plain inline SVG: title and description for screen readers, axes with
/// units, reference lines, markers and shaded data gaps; each data point is a <c>circle</c> with a
/// tooltip, so the page carries its numbers. Values are formatted by the caller's formatter (the one
/// <see cref="Figures"/> helper), so the chart reads as the reports do.
/// </summary>
internal sealed class SvgChart
{
    private const double Width = 960, Height = 280, Left = 78, Right = 150, Top = 34, Bottom = 46;

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string YLabel { get; init; }
    public required Func<double, string> Format { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public IReadOnlyList<ChartSeries> Series { get; init; } = [];
    public IReadOnlyList<ChartLine> Lines { get; init; } = [];
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Gaps { get; init; } = [];
    public double? MinY { get; init; }
    public double? MaxY { get; init; }

    public void Render(StringBuilder html)
    {
        var axis = ChartAxis.For(this);
        var (lo, hi) = (axis.Low, axis.High);

        var span = Math.Max(1, (End - Start).Ticks);
        double X(DateTimeOffset t) => Left + ((Width - Left - Right) * Math.Clamp((double)(t - Start).Ticks / span, 0, 1));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((Math.Clamp(v, lo, hi) - lo) / (hi - lo))));
        var count = Series.Sum(static s => ChartPoints.Count(s.Points));
        var description = Series.Any(static s => s.Thinned)
            ? $"{Description} Drawn as {Figures.Plural(count, "point")}: the lowest and highest value of each of {ChartPoints.Slices} time slices; every value is in the JSON report and snapshots.csv."
            : Description;

        html.Append("<figure class=\"chart\" id=\"").Append(Id).Append("\">\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height))
            .Append("\" aria-labelledby=\"").Append(Id).Append("-title ").Append(Id).Append("-desc\" data-points=\"").Append(count).Append("\">\n")
            .Append("<title id=\"").Append(Id).Append("-title\">").Append(E(Title)).Append("</title>\n")
            .Append("<desc id=\"").Append(Id).Append("-desc\">").Append(E(description)).Append("</desc>\n")
            .Append("<text class=\"ctitle\" x=\"").Append(N(Left)).Append("\" y=\"20\">").Append(E(Title)).Append("</text>\n");
        foreach (var (gs, ge) in Gaps)
        {
            var x0 = X(gs);
            html.Append("<rect class=\"gap\" x=\"").Append(N(x0)).Append("\" y=\"").Append(N(Top)).Append("\" width=\"").Append(N(Math.Max(2, X(ge) - x0)))
                .Append("\" height=\"").Append(N(Height - Top - Bottom)).Append("\"><title>Data gap ").Append(E(Figures.Time(gs))).Append(" to ").Append(E(Figures.Time(ge))).Append("</title></rect>\n");
        }

        foreach (var v in axis.Ticks)
        {
            html.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Y(v))).Append("\" y2=\"").Append(N(Y(v))).Append("\"/>")
                .Append("<text class=\"tick\" text-anchor=\"end\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(v) + 4)).Append("\">").Append(E(Format(v))).Append("</text>\n");
        }

        for (var i = 0; i <= 6; i++)
        {
            var t = Start + TimeSpan.FromTicks(span * i / 6);
            html.Append("<text class=\"tick\" text-anchor=\"middle\" x=\"").Append(N(X(t))).Append("\" y=\"").Append(N(Height - Bottom + 16)).Append("\">")
                .Append(t.ToUniversalTime().ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</text>\n");
        }

        html.Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Left)).Append("\" y1=\"").Append(N(Top)).Append("\" y2=\"").Append(N(Height - Bottom)).Append("\"/>")
            .Append("<line class=\"axis\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Height - Bottom)).Append("\" y2=\"").Append(N(Height - Bottom)).Append("\"/>\n")
            .Append("<text class=\"alabel\" text-anchor=\"middle\" x=\"").Append(N((Left + Width - Right) / 2)).Append("\" y=\"").Append(N(Height - 6)).Append("\">Time (UTC)</text>\n")
            .Append("<text class=\"alabel\" text-anchor=\"middle\" transform=\"translate(16 ").Append(N((Top + Height - Bottom) / 2)).Append(") rotate(-90)\">").Append(E(YLabel)).Append("</text>\n");

        foreach (var line in Lines)
        {
            html.Append("<g class=\"ref\" data-value=\"").Append(N(line.Value)).Append("\"><line x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y1=\"").Append(N(Y(line.Value))).Append("\" y2=\"").Append(N(Y(line.Value)))
                .Append("\" stroke=\"").Append(line.Color).Append("\"/><text x=\"").Append(N(Width - Right + 4)).Append("\" y=\"").Append(N(Y(line.Value) + 4)).Append("\" fill=\"").Append(line.Color).Append("\">")
                .Append(E(line.Label)).Append("</text></g>\n");
        }

        foreach (var marker in Markers)
        {
            html.Append("<g class=\"marker ").Append(marker.Kind).Append("\"><line x1=\"").Append(N(X(marker.Time))).Append("\" x2=\"").Append(N(X(marker.Time))).Append("\" y1=\"").Append(N(Top)).Append("\" y2=\"").Append(N(Height - Bottom))
                .Append("\"/><text x=\"").Append(N(X(marker.Time) + 3)).Append("\" y=\"").Append(N(Top + 10)).Append("\">").Append(E(marker.Label)).Append("</text><title>").Append(E(marker.Label + " at " + Figures.Time(marker.Time))).Append("</title></g>\n");
        }

        var legendY = Height - Bottom - 10.0;
        foreach (var series in Series)
        {
            var path = new StringBuilder();
            var pen = 'M';
            foreach (var (time, value) in series.Points)
            {
                if (value is { } v && double.IsFinite(v))
                {
                    path.Append(CultureInfo.InvariantCulture, $"{pen}{X(time):0.##},{Y(v):0.##} ");
                    pen = 'L';
                }
                else
                {
                    pen = 'M';
                }
            }

            html.Append("<g class=\"series\" data-series=\"").Append(E(series.Name)).Append("\"><path fill=\"none\" stroke=\"").Append(series.Color).Append("\" stroke-width=\"1.6\" d=\"").Append(path.ToString().TrimEnd()).Append("\"/>\n");
            foreach (var (time, value) in series.Points)
            {
                if (value is { } v && double.IsFinite(v))
                {
                    // Formatted straight into the page (no intermediate strings): a week of 30-second snapshots is 100,000 points.
                    html.Append(CultureInfo.InvariantCulture, $"<circle class=\"pt\" r=\"1.6\" fill=\"{series.Color}\" cx=\"{X(time):0.##}\" cy=\"{Y(v):0.##}\" data-time=\"{time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\" data-value=\"{v:R}\"><title>")
                        .Append(E($"{series.Name} {Format(v)} at {Figures.Time(time)}")).Append("</title></circle>");
                }
            }

            html.Append("<text class=\"legend\" x=\"").Append(N(Width - Right + 4)).Append("\" y=\"").Append(N(legendY)).Append("\" fill=\"").Append(series.Color).Append("\">").Append(E(series.Name)).Append("</text></g>\n");
            legendY -= 16;
        }

        html.Append("</svg>\n<figcaption>").Append(E(description)).Append("</figcaption>\n</figure>\n");
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
