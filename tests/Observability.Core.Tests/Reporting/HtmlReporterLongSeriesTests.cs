using System.Globalization;
using System.Text.RegularExpressions;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

/// <summary>
/// A long series (5,000 one-minute snapshots with a one-snapshot error spike) on the dashboard: drawn as the lowest and
/// highest value of each time slice, so the page stays small and readable while the spike stays visible and every
/// point drawn is a real snapshot with its own time and value.
/// </summary>
public sealed partial class HtmlReporterLongSeriesTests : IDisposable
{
    private const int Count = 5_000, Spike = 3_333;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("obs-long-dashboard-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static HealthReport LongReport()
    {
        var start = TimelineReports.Start;
        var snapshots = new List<MetricSnapshot>(Count);
        for (var i = 0; i < Count; i++)
        {
            snapshots.Add(new MetricSnapshot(start.AddMinutes(i), "file", new Dictionary<string, double>
            {
                [WellKnownMetrics.RequestCount] = 1000,
                [WellKnownMetrics.ErrorCount] = i == Spike ? 370 : 1 + (i % 3),
                [WellKnownMetrics.LatencyP95] = 120 + (i % 41),
                [WellKnownMetrics.LatencyP99] = 250 + (i % 53),
            }));
        }

        var t = new ThresholdOptions();
        var end = start.AddMinutes(Count);
        return TimelineReports.Report() with
        {
            Window = new CollectionWindow(start, end),
            EvaluationWindow = new CollectionWindow(end.AddHours(-2), end),
            Timeline = PassTimeline.Build(SnapshotFacts.Evaluate(snapshots, new SnapshotClassifier(t), t), t),
            DataQuality = new DataQualitySummary(Count, Count, 0, []),
        };
    }

    private async Task<(string Path, string Html, HealthReport Report)> WriteAsync()
    {
        var report = LongReport();
        var paths = await new HtmlReporter(new HtmlReporterOptions(), new ThresholdOptions()).WriteFilesAsync(_folder.FullName, report, null, CancellationToken.None);
        return (paths[0], await File.ReadAllTextAsync(paths[0]), report);
    }

    [Fact]
    public async Task Dashboard_LongSeries_DrawsAtMostTwoPointsPerSliceAndKeepsTheSpike()
    {
        var (_, html, report) = await WriteAsync();
        var byTime = report.Timeline.ToDictionary(static t => t.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

        foreach (var (id, series) in new[] { ("chart-error-rate", 1), ("chart-latency", 2), ("chart-health", 1), ("chart-availability", 1) })
        {
            var chart = Figure(html, id);
            var points = Point().Matches(chart).Select(static m => (Time: m.Groups[1].Value, Value: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToArray();
            Assert.InRange(points.Length, ChartPoints.Slices, series * 2 * ChartPoints.Slices);
            Assert.Equal(points.Length, int.Parse(DataPoints().Match(chart).Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Contains($"{Count} snapshots from", chart, StringComparison.Ordinal);
            Assert.Contains($"Drawn as {points.Length} points: the lowest and highest value of each of {ChartPoints.Slices} time slices", chart, StringComparison.Ordinal);

            // Every point drawn is one snapshot's own time and value, the numbers of the JSON timeline and the CSV.
            Assert.All(points, p =>
            {
                var snapshot = byTime[p.Time];
                Assert.Contains(p.Value, new double?[] { snapshot.ErrorRate, snapshot.LatencyP95, snapshot.LatencyP99, snapshot.Health, snapshot.Availability });
            });
        }

        var spike = report.Timeline[Spike];
        var errorPoints = Point().Matches(Figure(html, "chart-error-rate")).Select(static m => m.Groups[1].Value + "=" + m.Groups[2].Value);
        Assert.Contains($"{spike.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}={spike.ErrorRate!.Value.ToString("R", CultureInfo.InvariantCulture)}", errorPoints);
        Assert.InRange(html.Length, 1, 2_000_000);
    }

    [Fact]
    public async Task Dashboard_LongSeries_InChromium_RendersTheDrawnPointsWithoutErrors()
    {
        var (path, _, _) = await WriteAsync();
        var (exit, dom, log) = HeadlessChromium.Run("--dump-dom", new Uri(path).AbsoluteUri);

        Assert.True(exit == 0, $"Chromium exited with {exit}: {log}");
        foreach (var id in new[] { "chart-availability", "chart-error-rate", "chart-latency", "chart-budget", "chart-health" })
        {
            var chart = Figure(dom, id);
            Assert.Equal(int.Parse(DataPoints().Match(chart).Groups[1].Value, CultureInfo.InvariantCulture), Circle().Matches(chart).Count);
        }
    }

    [Fact]
    public void ChartPoints_GapInALongSeries_BreaksTheLineOnce()
    {
        var start = TimelineReports.Start;
        var values = Enumerable.Range(0, 4_000).Select(i => (Time: start.AddMinutes(i), Value: i is >= 1_000 and < 1_010 ? (double?)null : i % 7)).ToArray();

        var points = ChartPoints.Of(values, static p => p.Time, static p => p.Value, start, start.AddMinutes(4_000));

        Assert.Single(points, static p => p.Value is null);
        Assert.InRange(points.Count, ChartPoints.Slices, (2 * ChartPoints.Slices) + 2);
        Assert.Equal(points.OrderBy(static p => p.Time), points);
        Assert.Contains(points, static p => p.Value == 6);
        Assert.Contains(points, static p => p.Value == 0);
    }

    private static string Figure(string html, string id)
    {
        var start = html.IndexOf($"<figure class=\"chart\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chart {id} is missing");
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<circle class=\"pt\"[^>]*data-time=\"([^\"]+)\" data-value=\"([-0-9.E+]+)\"")]
    private static partial Regex Point();

    [GeneratedRegex("<circle class=\"pt\"")]
    private static partial Regex Circle();

    [GeneratedRegex("data-points=\"(\\d+)\"")]
    private static partial Regex DataPoints();
}
