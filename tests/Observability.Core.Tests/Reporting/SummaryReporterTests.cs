using System.Text.Json;
using Observability.Testing;

namespace Observability.Core.Tests.Reporting;

public sealed class SummaryReporterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-summary-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static (IReadOnlyList<DailySummary> Days, WeeklySummary Week) TwoDays()
    {
        // Day 1 healthy; day 2 fails 1 % of its jobs all day (average error rate 1 % >= 0.1 %: degraded).
        var snapshots = TestSnapshots.Series(Start, TimeSpan.FromMinutes(30), 96, (i, t) => TestSnapshots.Service(t, errorRate: i >= 48 ? 0.01 : 0));
        var days = DailyAggregator.AggregateDays(snapshots, options: new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromMinutes(30) });
        return (days, WeeklySummarizer.Summarize(days));
    }

    [Fact]
    public async Task WriteFilesAsync_WritesEachDayAndTheWeekUnderTheirNames()
    {
        var (days, week) = TwoDays();

        var paths = await new SummaryReporter().WriteFilesAsync(_directory, days, week);

        Assert.Equal(["day_01_summary.json", "day_02_summary.json", "weekly_summary.json", "weekly_summary.md"], paths.Select(Path.GetFileName));
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task WriteJsonAsync_Day_HasTheEnvelopeAndTheDaysNumbers()
    {
        var (days, _) = TwoDays();
        using var stream = new MemoryStream();

        await new SummaryReporter().WriteJsonAsync(days[1], stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("daily", root.GetProperty("kind").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal("2025-11-16", summary.GetProperty("day").GetString());
        Assert.Equal(0.01, summary.GetProperty("errors").GetProperty("averageRate").GetDouble(), 9);
        Assert.True(summary.GetProperty("isDegraded").GetBoolean());
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_ShowsTheRecommendationAndARowPerDay()
    {
        var (days, week) = TwoDays();
        using var stream = new MemoryStream();

        await new SummaryReporter().WriteMarkdownAsync(week, days, stream);

        var markdown = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("# Weekly summary: 2025-11-15 to 2025-11-16", markdown, StringComparison.Ordinal);
        // Day 2's 1 % errors pull the two days' availability to 99.5 %, under 99.9 %: a rollback is recommended.
        Assert.Contains("**Rollback recommended.**", markdown, StringComparison.Ordinal);
        Assert.Contains("availability_below_target", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 2025-11-15 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2 2025-11-16 |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Action items", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteFilesAsync_NullArguments_AreRejected()
    {
        var (days, week) = TwoDays();
        var reporter = new SummaryReporter();

        await Assert.ThrowsAsync<ArgumentException>(() => reporter.WriteFilesAsync(" ", days, week));
        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteFilesAsync(_directory, null!, week));
        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteFilesAsync(_directory, days, null!));
    }
}
