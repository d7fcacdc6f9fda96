using System.Text;

namespace Observability.Core.Tests.Reporting;

public sealed class SnapshotCsvReporterTests
{
    private static async Task<string[][]> WriteAndParseAsync(HealthReport report)
    {
        using var stream = new MemoryStream();
        await new SnapshotCsvReporter().WriteAsync(report, stream, CancellationToken.None);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain('\r', text);
        return [.. text.TrimEnd('\n').Split('\n').Select(static line => line.Split(','))];
    }

    [Fact]
    public async Task WriteAsync_Timeline_OneRowPerJudgedSnapshotWithUniqueColumns()
    {
        var report = TimelineReports.Report();
        var rows = await WriteAndParseAsync(report);

        Assert.Equal(report.Timeline.Count + 1, rows.Length);
        var header = rows[0];
        Assert.Equal(header.Length, header.Distinct().Count());
        Assert.Equal(["timestamp", "usable", "category", "status", "health"], header[..5]);
        Assert.Equal("alert_flags", header[^1]);
        Assert.Contains("request_count", header);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
    }

    [Fact]
    public async Task WriteAsync_GapAndSpike_AlertFlagsFromTheRuleCatalogue()
    {
        var report = TimelineReports.Report();
        var rows = await WriteAndParseAsync(report);
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);

        var gap = rows.Single(r => r[Col("timestamp")] == "2025-06-01T10:00:00Z");
        Assert.Equal("false", gap[Col("usable")]);
        Assert.Equal("unknown", gap[Col("status")]);
        Assert.Equal(string.Empty, gap[Col("health")]);
        Assert.Contains("collect_empty_source", gap[Col("alert_flags")].Split(';'));

        var spike = rows.Single(r => r[Col("timestamp")] == "2025-06-01T23:30:00Z");
        Assert.Equal("0.08", spike[Col("error_rate")]);
        Assert.Contains("error_rate_crit", spike[Col("alert_flags")].Split(';'));

        var quiet = rows.Single(r => r[Col("timestamp")] == "2025-06-01T01:00:00Z");
        Assert.Equal("healthy", quiet[Col("status")]);
        Assert.Equal(string.Empty, quiet[Col("alert_flags")]);

        // Every flag is a catalogue flag, and the numbers are the timeline's (the JSON's) numbers.
        var flags = RuleCatalogue.All.Select(static r => r.Flag).OfType<string>().ToHashSet();
        Assert.All(rows.Skip(1).SelectMany(r => r[Col("alert_flags")].Split(';', StringSplitOptions.RemoveEmptyEntries)), f => Assert.Contains(f, flags));
        var first = report.Timeline[0];
        Assert.Equal(first.Health!.Value, double.Parse(rows[1][Col("health")], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WriteAsync_NoTimeline_HeaderOnly()
    {
        var rows = await WriteAndParseAsync(SampleReports.Rollback());
        Assert.Single(rows);
    }
}
