using Observability;
using static Observability.Core.Tests.Collectors.SnapshotFiles;

namespace Observability.Core.Tests.Collectors;

public sealed class FileCollectorJsonLinesTests
{
    [Fact]
    public async Task CollectAsync_NestedMetricsForm_ReturnsSnapshotsInWindowOldestFirst()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:30:00Z","source":"eu-west","metrics":{"error_rate":0.02,"latency_p99_ms":250}}""",
            "",
            """{"timestamp":"2025-11-15T00:00:00Z","metrics":{"error_rate":0.01}}""",
            """{"timestamp":"2025-11-15T01:00:00Z","metrics":{"error_rate":0.9}}""",
            """{"timestamp":"2025-11-14T23:59:59Z","metrics":{"error_rate":0.9}}""");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal([T0, T0.AddMinutes(30)], result.Snapshots.Select(s => s.Timestamp));
        Assert.Equal(["file", "eu-west"], result.Snapshots.Select(s => s.Source));
        Assert.Equal(0.01, result.Snapshots[0].Metrics["error_rate"]);
        Assert.Equal(250, result.Snapshots[1].Metrics["latency_p99_ms"]);
        Assert.All(result.Snapshots, s => Assert.Equal(DataQuality.Complete, s.Quality));
    }

    [Fact]
    public async Task CollectAsync_FlatForm_TakesNumericPropertiesAndIgnoresOthers()
    {
        using var file = new TempSnapshotFile(
            ".ndjson",
            """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.05,"version":"1.2.3","canary":true,"note":null,"queue_wait":"NaN","nested":{"x":1}}""");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(["error_rate", "queue_wait"], snapshot.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.05, snapshot.Metrics["error_rate"]);
        Assert.True(double.IsNaN(snapshot.Metrics["queue_wait"]));
        Assert.Equal(DataQuality.Complete, snapshot.Quality);
    }

    [Fact]
    public async Task CollectAsync_NestedNullAndStringValues_GivePartialAndParsedNonFinite()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","metrics":{"error_rate":null,"headroom":"+Inf","latency_p99_ms":"12.5"}}""");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(DataQuality.Partial("missing error_rate"), snapshot.Quality);
        Assert.Equal(double.PositiveInfinity, snapshot.Metrics["headroom"]);
        Assert.Equal(12.5, snapshot.Metrics["latency_p99_ms"]);
    }

    [Fact]
    public async Task CollectAsync_LineWithoutMetrics_IsEmptyQuality()
    {
        using var file = new TempSnapshotFile(".jsonl", """{"timestamp":"2025-11-15T00:01:00Z","metrics":{}}""");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(DataQuality.Empty("no values in line"), snapshot.Quality);
    }

    [Fact]
    public async Task CollectAsync_ExplicitQuality_OverridesInferredQuality()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","quality":"partial","quality_reason":"2 of 3 regions","metrics":{"error_rate":0.1}}""");

        var snapshot = Assert.Single((await file.CollectAsync()).Snapshots);

        Assert.Equal(DataQuality.Partial("2 of 3 regions"), snapshot.Quality);
    }

    [Fact]
    public async Task CollectAsync_UnixSecondsTimestamps_AsNumberOrString_AreParsed()
    {
        var seconds = T0.ToUnixTimeSeconds();
        using var file = new TempSnapshotFile(
            ".jsonl",
            $$"""{"timestamp":{{seconds + 1}},"error_rate":0.1}""",
            $$"""{"timestamp":"{{seconds + 2}}","error_rate":0.2}""",
            $$"""{"timestamp":{{seconds + 3}}.25,"error_rate":0.3}""");

        var result = await file.CollectAsync();

        Assert.Equal([T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3.25)], result.Snapshots.Select(s => s.Timestamp));
    }

    [Fact]
    public async Task CollectAsync_MalformedLines_AreReportedWithLineAndPropertyWhileGoodLinesAreKept()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.1}""",
            """{"timestamp":"2025-11-15T00:02:00Z","error_rate":""",
            "",
            """["not","an","object"]""",
            """{"error_rate":0.3}""",
            """{"timestamp":"yesterday","error_rate":0.4}""",
            """{"timestamp":"2025-11-15T00:07:00Z","metrics":{"error_rate":"high"}}""",
            """{"timestamp":"2025-11-15T00:08:00Z","source":42,"error_rate":0.5}""",
            """{"timestamp":"2025-11-15T00:09:00Z","error_rate":0.6}""");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([0.1, 0.6], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.All(result.Errors, e => Assert.Equal(CollectionErrorKind.InvalidData, e.Kind));
        Assert.Equal(
            [
                file.Location(2),
                file.Location(4),
                file.Location(5),
                file.Location(6, "property", "timestamp"),
                file.Location(7, "property", "metrics.error_rate"),
                file.Location(8, "property", "source"),
            ],
            result.Errors.Select(e => e.Location));
        Assert.StartsWith("the line is not valid JSON", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber: 0", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not a JSON object", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("no 'timestamp'", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("'yesterday' is not a timestamp", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("'high' is not a number", result.Errors[4].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SnapshotFileFormat.Auto, "s.csv", "{\"a\":1}", SnapshotFileFormat.Csv)]
    [InlineData(SnapshotFileFormat.Auto, "s.JSONL", "timestamp", SnapshotFileFormat.JsonLines)]
    [InlineData(SnapshotFileFormat.Auto, "s.ndjson", "timestamp", SnapshotFileFormat.JsonLines)]
    [InlineData(SnapshotFileFormat.Auto, "s.json", "timestamp", SnapshotFileFormat.JsonLines)]
    [InlineData(SnapshotFileFormat.Auto, "s.log", "  {\"a\":1}", SnapshotFileFormat.JsonLines)]
    [InlineData(SnapshotFileFormat.Auto, "snapshots", "timestamp,a", SnapshotFileFormat.Csv)]
    [InlineData(SnapshotFileFormat.Csv, "s.jsonl", "{\"a\":1}", SnapshotFileFormat.Csv)]
    [InlineData(SnapshotFileFormat.JsonLines, "s.csv", "timestamp", SnapshotFileFormat.JsonLines)]
    public void ResolveFormat_ExtensionThenContent_ChoosesParser(SnapshotFileFormat configured, string path, string firstLine, SnapshotFileFormat expected)
        => Assert.Equal(expected, FileCollector.ResolveFormat(configured, path, firstLine));

    [Fact]
    public async Task CollectAsync_UnknownExtensionStartingWithBrace_IsReadAsJsonLines()
    {
        using var file = new TempSnapshotFile(".txt", "", """  {"timestamp":"2025-11-15T00:01:00Z","error_rate":0.1}""");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(0.1, Assert.Single(result.Snapshots).Metrics["error_rate"]);
    }
}
