using System.Text;
using Observability;
using static Observability.Core.Tests.Collectors.SnapshotFiles;

namespace Observability.Core.Tests.Collectors;

public sealed class FileCollectorCsvTests
{
    [Fact]
    public async Task CollectAsync_CsvFile_ReturnsSnapshotsInHalfOpenWindowOldestFirst()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate,latency_p99_ms",
            "2025-11-15T00:30:00Z,0.02,250.5",
            "2025-11-14T23:59:59Z,0.90,999",   // before Start
            "2025-11-15T00:00:00Z,0.01,120",   // exactly Start: kept
            "2025-11-15T01:00:00Z,0.50,500",   // exactly End: excluded
            "2025-11-15T00:59:59.999+00:00,0.03,300");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal("file", result.CollectorName);
        Assert.Empty(result.Errors);
        Assert.Equal(
            [T0, T0.AddMinutes(30), T0.AddHours(1).AddMilliseconds(-1)],
            result.Snapshots.Select(s => s.Timestamp));
        var first = result.Snapshots[0];
        Assert.Equal(0.01, first.Metrics["error_rate"]);
        Assert.Equal(120, first.Metrics["latency_p99_ms"]);
        Assert.Equal(250.5, result.Snapshots[1].Metrics["latency_p99_ms"]);
        Assert.All(result.Snapshots, s => Assert.Equal("file", s.Source));
        Assert.All(result.Snapshots, s => Assert.Equal(DataQuality.Complete, s.Quality));
    }

    [Fact]
    public async Task CollectAsync_CsvSourceColumn_UsesRowSourceElseConfiguredSource()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,source,error_rate",
            "2025-11-15T00:01:00Z,  eu-west ,0.1",
            "2025-11-15T00:02:00Z,,0.2");

        var result = await file.CollectAsync(o => o.Source = "checkout-prod");

        Assert.Equal(["eu-west", "checkout-prod"], result.Snapshots.Select(s => s.Source));
        Assert.False(result.Snapshots[0].Metrics.ContainsKey("source"));
    }

    [Fact]
    public async Task CollectAsync_CsvRowWithAllCellsEmpty_IsEmptyQuality()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate,availability", "2025-11-15T00:01:00Z, , ");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Empty(snapshot.Metrics);
        Assert.Equal(DataQuality.Empty("no values in row"), snapshot.Quality);
    }

    [Fact]
    public async Task CollectAsync_CsvRowWithSomeCellsEmpty_IsPartialNamingTheMissingMetrics()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate,availability,latency_p99_ms",
            "2025-11-15T00:01:00Z,,0.999,");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(DataQualityStatus.Partial, snapshot.Quality.Status);
        Assert.Equal("missing error_rate, latency_p99_ms", snapshot.Quality.Reason);
        Assert.Equal(0.999, snapshot.Metrics["availability"]);
        Assert.False(snapshot.Metrics.ContainsKey("error_rate"));
    }

    [Fact]
    public async Task CollectAsync_CsvQualityColumn_OverridesInferredQuality()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,quality,quality_reason,error_rate",
            "2025-11-15T00:01:00Z,FAILED,scrape timed out,",
            "2025-11-15T00:02:00Z,partial,,0.1",
            "2025-11-15T00:03:00Z,,sampled,",
            "2025-11-15T00:04:00Z,complete,ignored,0.2");

        var qualities = (await file.CollectAsync()).Snapshots.Select(s => s.Quality).ToArray();

        Assert.Equal(
            [
                DataQuality.Failed("scrape timed out"),
                DataQuality.Partial("marked partial in the file"),
                DataQuality.Empty("sampled"),
                DataQuality.Complete,
            ],
            qualities);
    }

    [Fact]
    public async Task CollectAsync_CsvUnixSecondsTimestamps_AreParsedAsUtc()
    {
        var seconds = T0.ToUnixTimeSeconds();
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", $"{seconds + 60},0.1", $"{seconds + 90}.5,0.2");

        var result = await file.CollectAsync();

        Assert.Equal([T0.AddSeconds(60), T0.AddSeconds(90.5)], result.Snapshots.Select(s => s.Timestamp));
    }

    [Fact]
    public async Task CollectAsync_CsvOffsetTimestamp_IsComparedInUtc()
    {
        // 01:30+02:00 is 23:30Z the day before: outside the window. 02:30+02:00 is 00:30Z: inside.
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-15T01:30:00+02:00,0.1", "2025-11-15T02:30:00+02:00,0.2");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(T0.AddMinutes(30), snapshot.Timestamp);
    }

    [Fact]
    public async Task CollectAsync_CsvQuotedFields_HandleCommasAndDoubledQuotes()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "\"timestamp\", \"source\" ,\"error, rate\"",
            "\"2025-11-15T00:01:00Z\",\"eu, \"\"west\"\"\", \"0.25\" ");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal("eu, \"west\"", snapshot.Source);
        Assert.Equal(0.25, snapshot.Metrics["error, rate"]);
    }

    [Fact]
    public async Task CollectAsync_CsvNaNAndInfinities_AreKept()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,a,b,c,d", "2025-11-15T00:01:00Z,NaN,+Inf,-Inf,1e3");

        var metrics = Assert.Single((await file.CollectAsync()).Snapshots).Metrics;

        Assert.True(double.IsNaN(metrics["a"]));
        Assert.Equal(double.PositiveInfinity, metrics["b"]);
        Assert.Equal(double.NegativeInfinity, metrics["c"]);
        Assert.Equal(1000, metrics["d"]);
    }

    [Fact]
    public async Task CollectAsync_CsvWithBomCrLfAndBlankLines_ParsesHeader()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "\r\ntimestamp,error_rate\r\n\r\n2025-11-15T00:01:00Z,0.1\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(0.1, Assert.Single(result.Snapshots).Metrics["error_rate"]);
    }

    [Fact]
    public async Task CollectAsync_CsvHeaderOnly_ReturnsNoData()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Empty(result.Snapshots);
    }

    [Fact]
    public async Task CollectAsync_EmptyFile_ReturnsNoDataSayingSo()
    {
        using var file = new TempSnapshotFile(".csv", "\n  \n", Encoding.UTF8);

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Contains("is empty", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_NoRowInWindow_ReturnsNoData()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-14T00:00:00Z,0.1");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Equal(CollectionErrorKind.NoData, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task CollectAsync_FileChangedBetweenCollections_ReadsCurrentContent()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-15T00:01:00Z,0.1");
        var collector = Collector(file.Path);
        Assert.Single((await collector.CollectAsync(Window)).Snapshots);

        await File.AppendAllTextAsync(file.Path, "\n2025-11-15T00:02:00Z,0.2\n");
        var second = await collector.CollectAsync(Window);

        Assert.Equal([0.1, 0.2], second.Snapshots.Select(s => s.Metrics["error_rate"]));
    }

    [Fact]
    public async Task CollectAsync_FileOpenByWriter_IsStillRead()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate");
        await using var writer = new FileStream(file.Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await writer.WriteAsync(Encoding.UTF8.GetBytes("\n2025-11-15T00:01:00Z,0.1\n"));
        await writer.FlushAsync();

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Single(result.Snapshots);
    }
}
