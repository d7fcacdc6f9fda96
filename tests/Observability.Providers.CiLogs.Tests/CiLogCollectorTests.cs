using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Providers.CiLogs.Tests;

public sealed class CiLogCollectorTests
{
    private static readonly CollectionWindow AllTime = new(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset ZipWritten = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CollectAsync_FolderOfRealRuns_GivesOneSnapshotPerFile()
    {
        using var folder = RealRuns();
        var collector = Create(folder.Path);

        var result = await collector.CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(4, result.Snapshots.Count);

        // Oldest first: TRX finished 2021-04-20T08:31:33.1023832+02:00, log5 2023-09-29, error_log1 2024-07-08, the zip at its write time.
        var (trx, log5, log1, zip) = (result.Snapshots[0], result.Snapshots[1], result.Snapshots[2], result.Snapshots[3]);
        Assert.Equal(new DateTimeOffset(2021, 4, 20, 6, 31, 33, TimeSpan.Zero).AddTicks(1023832), trx.Timestamp);
        Assert.Equal((5.0, 5.0, 1.0, 11.0), (trx.Metrics[CiLogMetrics.TestsPassed], trx.Metrics[CiLogMetrics.TestsFailed], trx.Metrics[CiLogMetrics.TestsSkipped], trx.Metrics[CiLogMetrics.TestsTotal]));
        Assert.False(trx.Metrics.ContainsKey(WellKnownMetrics.JobCount));

        Assert.Equal(1, log5.Metrics[WellKnownMetrics.JobCount]);
        Assert.Equal(0, log5.Metrics[WellKnownMetrics.ErrorCount]);
        Assert.Equal(1, log5.Metrics[WellKnownMetrics.Availability]);

        // error_log1 failed: 1 job, 1 error => error_rate 1/1 = 1, availability 0; 2 error lines; 16:48:09.3750041 -> 16:59:37.9561403 = 688.5811362 s.
        Assert.Equal(new DateTimeOffset(2024, 7, 8, 16, 59, 37, TimeSpan.Zero).AddTicks(9561403), log1.Timestamp);
        Assert.Equal((1.0, 1.0, 1.0, 0.0), (log1.Metrics[WellKnownMetrics.JobCount], log1.Metrics[WellKnownMetrics.ErrorCount], log1.Metrics[WellKnownMetrics.ErrorRate], log1.Metrics[WellKnownMetrics.Availability]));
        Assert.Equal(2, log1.Metrics[CiLogMetrics.ErrorLines]);
        Assert.Equal(688.5811362, log1.Metrics[CiLogMetrics.DurationSeconds], precision: 7);

        // The zip's placeholder lines carry no timestamp: the snapshot takes the file's write time; 7 jobs, none failed.
        Assert.Equal(ZipWritten, zip.Timestamp);
        Assert.Equal((7.0, 0.0, 0.0, 1.0), (zip.Metrics[WellKnownMetrics.JobCount], zip.Metrics[WellKnownMetrics.ErrorCount], zip.Metrics[WellKnownMetrics.ErrorRate], zip.Metrics[WellKnownMetrics.Availability]));
        Assert.All(result.Snapshots, s => Assert.Equal("ci-logs", s.Source));
    }

    [Fact]
    public async Task CollectAsync_Window_KeepsOnlyRunsFinishedInside()
    {
        using var folder = RealRuns();

        // [2024-07-08T16:59:37.9561403Z, +1 tick): only error_log1 finished inside; the end is exclusive.
        var end = new DateTimeOffset(2024, 7, 8, 16, 59, 37, TimeSpan.Zero).AddTicks(9561403);
        var result = await Create(folder.Path).CollectAsync(new CollectionWindow(end, end.AddTicks(1)));
        var none = await Create(folder.Path).CollectAsync(new CollectionWindow(end.AddTicks(-1), end));

        Assert.Equal(1, Assert.Single(result.Snapshots).Metrics[WellKnownMetrics.ErrorCount]);
        Assert.Equal(CollectionStatus.NoData, none.Status);
        Assert.Contains("none of the 4 file(s)", none.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_Rules_BecomeMetrics()
    {
        using var folder = new TempFolder();
        folder.Copy(CiFixtures.ErrorLog1);
        var collector = Create(folder.Path, o =>
        {
            o.Rules.Add(new CiLogRule { Metric = "exit_code_lines", Pattern = @"exit code \d+" });
            o.Rules.Add(new CiLogRule { Metric = "approval_success", Pattern = "approval succeeded" });
        });

        var snapshot = Assert.Single((await collector.CollectAsync(AllTime)).Snapshots);

        Assert.Equal(2, snapshot.Metrics["exit_code_lines"]);
        Assert.Equal(0, snapshot.Metrics["approval_success"]);
    }

    [Fact]
    public async Task CollectAsync_BadFiles_GivePartialResultNamingEachFile()
    {
        using var folder = new TempFolder();
        folder.Copy(CiFixtures.Log5Success);
        var bytes = File.ReadAllBytes(CiFixtures.RunLogZip);
        File.WriteAllBytes(Path.Combine(folder.Path, "cut.zip"), bytes[..(bytes.Length / 2)]);
        var malformed = folder.Write("results/bad.xml", "<testsuite>\n<testcase name=\"a\">\n</testsuite>");

        var result = await Create(folder.Path).CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Single(result.Snapshots);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(CollectionErrorKind.InvalidData, e.Kind));
        Assert.Contains(result.Errors, e => e.Location!.EndsWith("cut.zip", StringComparison.Ordinal) && e.Message.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Location == malformed && e.Message.StartsWith(malformed + " line 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_OnlyFileBad_Fails()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.trx", "<TestRun><Results><UnitTestResult outcome=\"Passed\"/></Results></TestRun>");

        var result = await Create(file).CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Equal($"{file} line 1: <UnitTestResult> has no testName.", result.Errors[0].Message);
    }

    [Fact]
    public async Task CollectAsync_EveryFileBad_FailsNamingTheOthers()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.xml", "<testsuite>");
        folder.Write("b.zip", "not a zip");

        var result = await Create(folder.Path).CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(first, error.Location);
        Assert.EndsWith("(and 1 more file(s) failed: b.zip)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MissingPath_FailsUnreachable()
    {
        var result = await Create("/nonexistent/ci-logs").CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Equal(CollectionErrorKind.Unreachable, result.Errors[0].Kind);
        Assert.Contains("'/nonexistent/ci-logs' does not exist", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_IncludePatterns_SelectFilesAndNoMatchIsNoData()
    {
        using var folder = RealRuns();

        var trxOnly = await Create(folder.Path, o => o.IncludePatterns.Add("*.trx")).CollectAsync(AllTime);
        var nothing = await Create(folder.Path, o => o.IncludePatterns.Add("*.json")).CollectAsync(AllTime);

        Assert.True(Assert.Single(trxOnly.Snapshots).Metrics.ContainsKey(CiLogMetrics.TestsTotal));
        Assert.Equal(CollectionStatus.NoData, nothing.Status);
    }

    [Fact]
    public async Task CollectAsync_NotRecursive_SkipsSubfolders()
    {
        using var folder = new TempFolder();
        folder.Copy(CiFixtures.ErrorLog1, "nested/run.log");

        var result = await Create(folder.Path, o => o.Recursive = false).CollectAsync(AllTime);

        Assert.Equal(CollectionStatus.NoData, result.Status);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        var time = new FakeTimeProvider();
        Assert.Throws<ArgumentException>(() => new CiLogCollector("x", new CiLogCollectorOptions(), time, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentException>(() => new CiLogCollector(" ", new CiLogCollectorOptions { Path = "a" }, time, NullLoggerFactory.Instance));
        Assert.Throws<ArgumentNullException>(() => new CiLogCollector("x", null!, time, NullLoggerFactory.Instance));
    }

    private static TempFolder RealRuns()
    {
        var folder = new TempFolder();
        folder.Copy(CiFixtures.ErrorLog1, "runs/error_log1.log");
        folder.Copy(CiFixtures.Log5Success, "runs/log5_success.txt");
        folder.Copy(CiFixtures.TestResult("dorny_dotnet-trx.trx"), "tests/results.trx");
        var zip = folder.Copy(CiFixtures.RunLogZip, "archives/run_log.zip");
        File.SetLastWriteTimeUtc(zip, ZipWritten.UtcDateTime);
        return folder;
    }

    private static CiLogCollector Create(string path, Action<CiLogCollectorOptions>? configure = null)
    {
        var options = new CiLogCollectorOptions { Path = path };
        configure?.Invoke(options);
        return new CiLogCollector("ci-logs", options, new FakeTimeProvider(), NullLoggerFactory.Instance);
    }
}
