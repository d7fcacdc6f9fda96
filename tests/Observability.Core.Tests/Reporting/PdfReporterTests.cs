using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

/// <summary>The PDF written by the library (no browser): read back with pdftotext, and its file structure checked.</summary>
public sealed partial class PdfReporterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("obs-pdf-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static (HealthReport Report, WeeklySummary Week) ReportAndWeek()
    {
        var report = TimelineReports.Report();
        var days = DailyAggregator.AggregateDays(TimelineReports.Snapshots(), report.Window);
        return (report, WeeklySummarizer.Summarize(days, new WeeklySummaryOptions { ServiceName = "checkout" }));
    }

    [Fact]
    public async Task WriteFilesAsync_ReportAndWeek_TheExtractedTextHoldsTheReportsFigures()
    {
        var (report, week) = ReportAndWeek();

        var paths = await new PdfReporter(new PdfReporterOptions(), new ThresholdOptions()).WriteFilesAsync(_folder.FullName, report, week, CancellationToken.None);

        Assert.Equal([Path.Combine(_folder.FullName, "health-report.pdf"), Path.Combine(_folder.FullName, "weekly_summary.pdf")], paths);
        var text = Squash(HeadlessChromium.PdfText(paths[0]));
        Assert.Contains("Verdict: Rollback", text);
        Assert.Contains(report.Verdict.Summary, text);
        Assert.Contains($"Health {Figures.Score(report.Health.Value)} (critical), stability {Figures.Score(report.Stability.Value)} (grade {report.Stability.Grade})", text);
        foreach (var slo in report.Slos)
        {
            Assert.Matches($@"{slo.Name} {Regex.Escape(Figures.Percent(slo.Objective))} {Regex.Escape(Figures.Percent(slo.Compliance!.Value))} {Regex.Escape(Figures.Percent(slo.BudgetRemaining))}", text);
        }

        foreach (var day in week.DailySummaries.Where(static d => d.HasData))
        {
            Assert.Contains($"Day {day.DayNumber} {day.Day:yyyy-MM-dd} {Figures.Percent(day.Availability.Average!.Value)}", text);
        }

        foreach (var title in new[] { "Availability (%) with its SLO", "Error rate (%) with its thresholds", "Latency p95 and p99 (ms) with the latency SLO", "Error budget left (%) per SLO", "Health score per snapshot (points)" })
        {
            Assert.Contains(title, text);
        }

        foreach (var section in new[] { "Operational report", "Executive summary", "Performance", "SLO compliance", "Error analysis", "Regional analysis", "Regression likelihood", "Recommendations" })
        {
            Assert.Contains(section, text);
        }

        var weekText = Squash(HeadlessChromium.PdfText(paths[1]));
        Assert.Contains("Weekly summary: checkout", weekText);
        Assert.Contains($"Stability {Figures.Score(week.Stability.Value)} (grade {week.Stability.Grade})", weekText);
    }

    [Fact]
    public async Task WriteAsync_Always_WritesAPdfWhoseCrossReferenceTablePointsAtEveryObject()
    {
        var (report, _) = ReportAndWeek();
        using var buffer = new MemoryStream();

        await new PdfReporter(new PdfReporterOptions(), new ThresholdOptions()).WriteAsync(report, buffer, CancellationToken.None);

        var bytes = buffer.ToArray();
        var latin = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-1.4\n", latin, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", latin, StringComparison.Ordinal);
        var startXref = int.Parse(StartXref().Match(latin).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n", latin[startXref..], StringComparison.Ordinal);
        var entries = XrefEntry().Matches(latin[startXref..]).Select(static m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(entries);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.StartsWith($"{i + 1} 0 obj", latin[entries[i]..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WriteAsync_TextWithDelimitersAndAccents_ExtractsAsWritten()
    {
        var report = SampleReports.Rollback() with
        {
            Service = "café (eu) \\ checkout",
            Verdict = new Verdict(Decision.Hold, "Latency → 812 ms (p99) über the target; 5 % done.", []),
        };
        var path = Path.Combine(_folder.FullName, "odd.pdf");
        await using (var file = File.Create(path))
        {
            await new PdfReporter(new PdfReporterOptions(), new ThresholdOptions()).WriteAsync(report, file, CancellationToken.None);
        }

        var text = Squash(HeadlessChromium.PdfText(path));
        Assert.Contains("Health report: café (eu) \\ checkout", text);
        Assert.Contains("Latency -> 812 ms (p99) über the target; 5 % done.", text);
        Assert.Contains("Verdict: Hold", text);
        Assert.Contains("No rule fired.", text);
    }

    [Fact]
    public async Task WriteAsync_WithoutChartsAndOperationalReport_LeavesThemOut()
    {
        var (report, _) = ReportAndWeek();
        var full = Path.Combine(_folder.FullName, "full.pdf");
        var bare = Path.Combine(_folder.FullName, "bare.pdf");
        await File.WriteAllBytesAsync(full, await Bytes(new PdfReporterOptions(), report));
        await File.WriteAllBytesAsync(bare, await Bytes(new PdfReporterOptions { IncludeCharts = false, IncludeOperationalReport = false }, report));

        var fullText = HeadlessChromium.PdfText(full);
        var bareText = HeadlessChromium.PdfText(bare);
        Assert.Contains("Time (UTC)", fullText);
        Assert.Contains("Regression likelihood", fullText);
        Assert.DoesNotContain("Time (UTC)", bareText);
        Assert.DoesNotContain("Regression likelihood", bareText);
        Assert.Contains("Verdict: Rollback", bareText);
    }

    [Fact]
    public async Task WriteAsync_LongTimeline_DrawsEachSeriesThinnedToItsEnvelope()
    {
        // A week of 30-second snapshots: the page must stay small, as the envelope per half point of width is drawn.
        var start = TimelineReports.Start;
        var timeline = Enumerable.Range(0, 20_160).Select(i => new SnapshotJudgement(start.AddSeconds(30 * i), true, "ok", HealthStatus.Healthy)
        {
            Health = 100, Availability = 0.999, ErrorRate = i == 10_000 ? 0.5 : 0.001, LatencyP95 = 100 + (i % 50), LatencyP99 = 200 + (i % 70),
        }).ToArray();
        var report = SampleReports.Rollback() with { Window = new CollectionWindow(start, start.AddDays(7)), Timeline = timeline };

        var bytes = await Bytes(new PdfReporterOptions { IncludeOperationalReport = false }, report);

        Assert.InRange(bytes.Length, 1_000, 400_000);
        var path = Path.Combine(_folder.FullName, "long.pdf");
        await File.WriteAllBytesAsync(path, bytes);
        Assert.Contains("highest 50 %", Squash(HeadlessChromium.PdfText(path)));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new PdfReporter(null!, new ThresholdOptions()));
        Assert.Throws<ArgumentNullException>(() => new PdfReporter(new PdfReporterOptions(), null!));
    }

    private static async Task<byte[]> Bytes(PdfReporterOptions options, HealthReport report)
    {
        using var buffer = new MemoryStream();
        await new PdfReporter(options, new ThresholdOptions()).WriteAsync(report, buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    /// <summary>pdftotext's layout spacing collapsed to single spaces, lines joined.</summary>
    internal static string Squash(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n ")]
    private static partial Regex XrefEntry();
}
