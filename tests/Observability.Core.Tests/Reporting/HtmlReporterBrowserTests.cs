using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Observability.Core.Tests.Reporting;

/// <summary>The dashboard opened from a file:// URL in headless Chromium: the DOM it renders, a screenshot and print-to-PDF.</summary>
public sealed partial class HtmlReporterBrowserTests : IDisposable
{
    private static readonly string[] Charts = ["chart-availability", "chart-error-rate", "chart-latency", "chart-budget", "chart-health"];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("obs-dashboard-");

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<(string Dashboard, string Weekly, HealthReport Report, WeeklySummary Week)> WriteAsync()
    {
        var report = TimelineReports.Report();
        var days = DailyAggregator.AggregateDays(TimelineReports.Snapshots(), report.Window);
        var week = WeeklySummarizer.Summarize(days, new WeeklySummaryOptions { ServiceName = "checkout" });
        var paths = await new HtmlReporter(new HtmlReporterOptions(), new ThresholdOptions()).WriteFilesAsync(_folder.FullName, report, week, CancellationToken.None);
        Assert.Equal(Path.Combine(_folder.FullName, "dashboard.html"), paths[0]);
        return (paths[0], paths[1], report, week);
    }

    [Fact]
    public async Task Dashboard_InChromium_RendersEveryChartWithItsPointsAndNoErrors()
    {
        var (dashboard, _, report, _) = await WriteAsync();
        var (exit, dom, log) = HeadlessChromium.Run("--dump-dom", new Uri(dashboard).AbsoluteUri);

        Assert.True(exit == 0, $"Chromium exited with {exit}: {log}");
        Assert.DoesNotMatch(ConsoleError(), log);
        Assert.Contains("Verdict: Rollback", dom);
        Assert.True(dom.IndexOf("id=\"verdict\"", StringComparison.Ordinal) < dom.IndexOf("id=\"chart-availability\"", StringComparison.Ordinal), "the verdict comes before the charts");

        // The DOM Chromium built (after parsing) holds every chart, its text alternative and its data points.
        var usable = report.Timeline.Count(static t => t.Usable);
        foreach (var id in Charts)
        {
            var chart = Figure(dom, id);
            Assert.Matches($"<title id=\"{id}-title\">[^<]+</title>", chart);
            Assert.Matches($"<desc id=\"{id}-desc\">[^<]+</desc>", chart);
            Assert.Contains("role=\"img\"", chart);
            Assert.Contains("Time (UTC)", chart);
            var points = CirclePattern().Matches(chart).Count;
            Assert.Equal(int.Parse(DataPoints().Match(chart).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), points);
            var expected = id switch
            {
                "chart-latency" => 2 * usable,
                "chart-budget" => report.Slos.Sum(static s => s.BurnDown.Count),
                _ => usable,
            };
            Assert.Equal(expected, points);
        }

        Assert.Contains("class=\"gap\"", Figure(dom, "chart-error-rate"));
        Assert.Contains("class=\"marker anomaly\"", Figure(dom, "chart-error-rate"));
        Assert.Contains("SLO 99.9 %", Figure(dom, "chart-availability"));
        Assert.Contains("critical 5 %", Figure(dom, "chart-error-rate"));
        Assert.Contains("<table id=\"daily\">", dom);
    }

    [Fact]
    public async Task Dashboard_File_IsSelfContained()
    {
        var (dashboard, _, report, _) = await WriteAsync();
        var html = await File.ReadAllTextAsync(dashboard);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);

        // Each health point carries the engine's per-snapshot score, the number in the JSON timeline and the CSV.
        var health = Figure(html, "chart-health");
        var values = DataValue().Matches(health).Select(static m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(report.Timeline.Where(static t => t.Health is not null).Select(static t => t.Health!.Value), values);
    }

    [Fact]
    public async Task Dashboard_Screenshot_IsNotBlank()
    {
        var (dashboard, _, _, _) = await WriteAsync();
        var png = Path.Combine(_folder.FullName, "dashboard.png");
        var (exit, _, log) = HeadlessChromium.Run($"--screenshot={png}", "--window-size=1280,2000", "--hide-scrollbars", new Uri(dashboard).AbsoluteUri);

        Assert.True(exit == 0 && File.Exists(png), $"no screenshot (exit {exit}): {log}");
        var (width, height, colors, nonWhite) = PngPixels.Inspect(png);
        Assert.Equal((1280, 2000), (width, height));
        Assert.True(colors > 20, $"only {colors} colours: a blank page");
        Assert.InRange(nonWhite, 0.02, 0.9);
    }

    [Fact]
    public async Task Pdf_OfTheDashboardAndTheWeek_HoldsTheirFigures()
    {
        var (dashboard, weekly, report, week) = await WriteAsync();
        var reportPdf = Path.Combine(_folder.FullName, "health-report.pdf");
        var weekPdf = Path.Combine(_folder.FullName, "weekly_summary.pdf");
        Assert.Equal(0, HeadlessChromium.Run($"--print-to-pdf={reportPdf}", "--no-pdf-header-footer", new Uri(dashboard).AbsoluteUri).ExitCode);
        Assert.Equal(0, HeadlessChromium.Run($"--print-to-pdf={weekPdf}", "--no-pdf-header-footer", new Uri(weekly).AbsoluteUri).ExitCode);

        var text = HeadlessChromium.PdfText(reportPdf);
        Assert.Contains("Verdict: Rollback", text);
        Assert.Contains(report.Verdict.Summary, Squash(text));
        Assert.Contains("Error rate (%) with its thresholds", text);
        Assert.Contains("Health score per snapshot (points)", text);

        var weekText = Squash(HeadlessChromium.PdfText(weekPdf));
        Assert.Contains("Weekly summary: checkout", weekText);
        Assert.Contains("Daily table", weekText);
        // The same numbers as weekly_summary.json, printed by the one formatter (table cells may wrap in print).
        Assert.Contains("Error rate " + Observability.Internal.Figures.Percent(week.AverageErrorRate!.Value), weekText);
        Assert.Contains("Availability " + Observability.Internal.Figures.Percent(week.AverageAvailability!.Value), weekText);
        Assert.Contains($"Stability {Observability.Internal.Figures.Score(week.Stability.Value)} (grade {week.Stability.Grade})", weekText);
        Assert.Contains("Day 1", weekText);
    }

    private static string Squash(string text) => Spaces().Replace(text, " ");

    private static string Figure(string dom, string id)
    {
        var start = dom.IndexOf($"<figure class=\"chart\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chart {id} is missing");
        var end = dom.IndexOf("</figure>", start, StringComparison.Ordinal);
        return dom[start..end];
    }

    [GeneratedRegex(@"(?m)^\S*:(ERROR|FATAL):CONSOLE|Uncaught|Failed to load resource|Refused to")]
    private static partial Regex ConsoleError();

    [GeneratedRegex("<circle class=\"pt\"")]
    private static partial Regex CirclePattern();

    [GeneratedRegex("data-points=\"(\\d+)\"")]
    private static partial Regex DataPoints();

    [GeneratedRegex("<circle class=\"pt\"[^>]*data-value=\"([-0-9.E+]+)\"")]
    private static partial Regex DataValue();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
