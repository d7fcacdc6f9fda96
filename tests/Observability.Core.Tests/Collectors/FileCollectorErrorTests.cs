using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability;
using static Observability.Core.Tests.Collectors.SnapshotFiles;

namespace Observability.Core.Tests.Collectors;

public sealed class FileCollectorErrorTests
{
    [Fact]
    public async Task CollectAsync_MalformedCsvRows_AreReportedWithLineAndFieldWhileGoodRowsAreKept()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate,availability",
            "2025-11-15T00:01:00Z,0.01,0.999",
            "2025-13-45T00:00:00Z,0.02,0.999",
            "2025-11-15T00:03:00Z,0.03,0.999",
            "2025-11-15T00:04:00Z,abc,0.999",
            "2025-11-15T00:05:00Z,0.05",
            "2025-11-15T00:06:00Z,\"0.06,0.999",
            "2025-11-15T00:07:00,0.07,0.999",
            "2025-11-15T00:08:00Z,0.08,0.999");
        var (loggerFactory, logs) = FakeLogging();

        var result = await Collector(file.Path, loggerFactory: loggerFactory).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([0.01, 0.03, 0.08], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.All(result.Errors, e => Assert.Equal(CollectionErrorKind.InvalidData, e.Kind));
        Assert.Equal(
            [
                file.Location(3, "field", "timestamp"),
                file.Location(5, "field", "error_rate"),
                file.Location(6),
                file.Location(7),
                file.Location(8, "field", "timestamp"),
            ],
            result.Errors.Select(e => e.Location));
        Assert.Contains("'2025-13-45T00:00:00Z' is not a timestamp", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'abc' is not a number", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("2 fields but the header has 3", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("no closing quote", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("no UTC offset", result.Errors[4].Message, StringComparison.Ordinal);
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("rejected 5 lines", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MalformedRowOutsideWindow_IsNotReported()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate",
            "2025-10-01T00:00:00Z,garbage",
            "2025-11-15T00:01:00Z,0.1");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Single(result.Snapshots);
    }

    [Fact]
    public async Task CollectAsync_InvalidQuality_IsRejectedNamingTheField()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,quality,error_rate", "2025-11-15T00:01:00Z,so-so,0.1");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file.Location(2, "field", "quality"), error.Location);
        Assert.Contains("expected complete, partial, empty or failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ManyMalformedRows_ReportsFirstHundredAndCountsTheRest()
    {
        var lines = new List<string> { "timestamp,error_rate", "2025-11-15T00:00:00Z,0.1" };
        lines.AddRange(Enumerable.Range(0, 150).Select(i => $"2025-11-15T00:{i % 60:00}:00Z,bad"));
        using var file = new TempSnapshotFile(".csv", [.. lines]);

        var result = await file.CollectAsync();

        Assert.Single(result.Snapshots);
        Assert.Equal(FileCollector.MaxReportedErrors + 1, result.Errors.Count);
        Assert.Equal(file.Location(3, "field", "error_rate"), result.Errors[0].Location);
        Assert.Equal(file.Location(102, "field", "error_rate"), result.Errors[99].Location);
        Assert.StartsWith("50 more lines rejected", result.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error_rate,availability")]
    [InlineData("2025-11-15T00:00:00Z,0.1")]
    public async Task CollectAsync_CsvWithoutTimestampColumn_FailsAtLine1(string header)
    {
        using var file = new TempSnapshotFile(".csv", header, "2025-11-15T00:01:00Z,0.1");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Equal(file.Location(1), error.Location);
        Assert.Contains("no 'timestamp' column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_HeaderWithDuplicateAndUnnamedColumns_FailsListingBoth()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate,,Error_Rate", "2025-11-15T00:01:00Z,0.1,,0.2");

        var error = Assert.Single((await file.CollectAsync()).Errors);

        Assert.Contains("column 3 has no name", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 'Error_Rate' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MissingFile_ReturnsFailedUnreachableAndLogsWarning()
    {
        var path = Path.Combine(Path.GetTempPath(), $"observability-missing-{Guid.NewGuid():N}.csv");
        var (loggerFactory, logs) = FakeLogging();

        var result = await Collector(path, loggerFactory: loggerFactory).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Unreachable, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        var log = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains(path, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MissingDirectory_ReturnsFailedUnreachable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"observability-missing-{Guid.NewGuid():N}", "snapshots.csv");

        var result = await Collector(path).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Equal(CollectionErrorKind.Unreachable, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task CollectAsync_PathIsADirectory_ReturnsFailedUnreachable()
    {
        var result = await Collector(Path.GetTempPath()).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Equal(CollectionErrorKind.Unreachable, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task CollectAsync_PreCancelledToken_ThrowsOperationCanceled()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-15T00:01:00Z,0.1");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collector(file.Path).CollectAsync(Window, cts.Token));
    }

    [Fact]
    public async Task CollectAsync_CancelledWhileReadingLargeFile_ThrowsOperationCanceled()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"2025-11-15T00:00:{i % 60:00}Z,0.1").Prepend("timestamp,error_rate");
        using var file = new TempSnapshotFile(".csv", [.. lines]);
        using var cts = new CancellationTokenSource();

        // The collector reads the clock once, after its up-front cancellation check and before reading the file,
        // so this cancels the token while the file is being read.
        var collector = new FileCollector("file", new FileCollectorOptions { Path = file.Path }, new CancellingTimeProvider(cts), NullLoggerFactory.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.CollectAsync(Window, cts.Token));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        var options = new FileCollectorOptions { Path = "x.csv" };
        var time = new FakeTimeProvider();
        Assert.Throws<ArgumentException>(() => new FileCollector(" ", options, time, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentNullException>(() => new FileCollector("file", null!, time, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentNullException>(() => new FileCollector("file", options, null!, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentNullException>(() => new FileCollector("file", options, time, null!));
        Assert.Throws<ArgumentException>(() => new FileCollector("file", new FileCollectorOptions(), time, NullLoggerFactory.Instance));
    }

    /// <summary>Cancels the token the first time the collector reads the clock, i.e. after the up-front check.</summary>
    private sealed class CancellingTimeProvider(CancellationTokenSource cts) : TimeProvider
    {
        public override long GetTimestamp()
        {
            cts.Cancel();
            return base.GetTimestamp();
        }
    }
}
