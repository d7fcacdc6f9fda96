using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "observability-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeLogger<ReportWriter> _logger = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAllAsync_TwoReporters_WritesBothFilesAndReturnsTheirPaths()
    {
        var writer = Writer(new JsonReporter(), new MarkdownReporter());

        var results = await writer.WriteAllAsync(SampleReports.Rollback(), Options(), CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(Path.Combine(_directory, "health-report.json"), results[0].Path);
        Assert.Equal(Path.Combine(_directory, "health-report.md"), results[1].Path);
        Assert.Equal(["json", "markdown"], results.Select(r => r.Format));
        Assert.StartsWith("{", await File.ReadAllTextAsync(results[0].Path!), StringComparison.Ordinal);
        Assert.StartsWith("# Health report", await File.ReadAllTextAsync(results[1].Path!), StringComparison.Ordinal);
        Assert.Equal(["health-report.json", "health-report.md"], FilesInDirectory());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task WriteAllAsync_NoOutputDirectory_ReturnsEmptyAndWritesNothing(string? directory)
    {
        var reporter = new RecordingReporter("json");
        var writer = Writer(reporter);

        var results = await writer.WriteAllAsync(SampleReports.Rollback(), new ReportingOptions { OutputDirectory = directory }, CancellationToken.None);

        Assert.Empty(results);
        Assert.Equal(0, reporter.Calls);
    }

    [Fact]
    public async Task WriteAllAsync_MissingNestedDirectory_CreatesItAndUsesTheFileName()
    {
        var nested = Path.Combine(_directory, "a", "b");
        var writer = Writer(new MarkdownReporter());

        var results = await writer.WriteAllAsync(SampleReports.Rollback(), new ReportingOptions { OutputDirectory = nested, FileName = "release-42" }, CancellationToken.None);

        Assert.Equal(Path.Combine(nested, "release-42.md"), Assert.Single(results).Path);
        Assert.True(File.Exists(Path.Combine(nested, "release-42.md")));
    }

    [Fact]
    public async Task WriteAllAsync_ThrowingReporter_ReturnsFailureLogsWarningAndOthersStillWrite()
    {
        var writer = Writer(new RecordingReporter("html", fail: new IOException("disk full")), new JsonReporter());

        var results = await writer.WriteAllAsync(SampleReports.Rollback(), Options(), CancellationToken.None);

        Assert.False(results[0].Succeeded);
        Assert.Null(results[0].Path);
        Assert.Equal("html", results[0].Format);
        Assert.Contains("disk full", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].Succeeded);
        Assert.Equal(["health-report.json"], FilesInDirectory());
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("html", log.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(log.Exception);
    }

    [Fact]
    public async Task WriteAllAsync_ReporterFailsHalfway_KeepsThePreviousReportIntact()
    {
        var options = Options();
        await Writer(new RecordingReporter("html")).WriteAllAsync(SampleReports.Rollback(), options, CancellationToken.None);

        var results = await Writer(new RecordingReporter("html", fail: new InvalidOperationException("boom"))).WriteAllAsync(SampleReports.Rollback(), options, CancellationToken.None);

        Assert.False(Assert.Single(results).Succeeded);
        Assert.Equal(RecordingReporter.Content, await File.ReadAllTextAsync(Path.Combine(_directory, "health-report.html")));
        Assert.Equal(["health-report.html"], FilesInDirectory());
    }

    [Fact]
    public async Task WriteAllAsync_ReporterThrowsItsOwnCancellation_ReturnsFailure()
    {
        var writer = Writer(new RecordingReporter("html", fail: new TaskCanceledException("reporter timed out")));

        var results = await writer.WriteAllAsync(SampleReports.Rollback(), Options(), CancellationToken.None);

        Assert.Contains("reporter timed out", Assert.Single(results).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAllAsync_PreCancelledToken_ThrowsOperationCanceled()
    {
        var reporter = new RecordingReporter("json");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Writer(reporter).WriteAllAsync(SampleReports.Rollback(), Options(), new CancellationToken(canceled: true)));
        Assert.Equal(0, reporter.Calls);
    }

    [Fact]
    public async Task WriteAllAsync_CancelledWhileWriting_ThrowsAndLeavesNoTemporaryFile()
    {
        using var cts = new CancellationTokenSource();
        var reporter = new RecordingReporter("html", onWrite: cts.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Writer(reporter).WriteAllAsync(SampleReports.Rollback(), Options(), cts.Token));
        Assert.Empty(FilesInDirectory());
    }

    [Fact]
    public async Task WriteAllAsync_TwoReportersWithOneFormat_SkipsTheSecondWithAReason()
    {
        var first = new RecordingReporter("json");
        var second = new RecordingReporter("JSON");

        var results = await Writer(first, second).WriteAllAsync(SampleReports.Rollback(), Options(), CancellationToken.None);

        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("'JSON'", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task WriteAllAsync_OutputDirectoryIsAFile_ReturnsFailuresWithoutThrowing()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "occupied");
        await File.WriteAllTextAsync(file, "x");

        var results = await Writer(new JsonReporter(), new MarkdownReporter())
            .WriteAllAsync(SampleReports.Rollback(), new ReportingOptions { OutputDirectory = file }, CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.StartsWith("Could not create the output directory", r.Error, StringComparison.Ordinal));
        Assert.NotEmpty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task WriteAllAsync_FileExtensionWithSeparator_ReturnsFailure()
    {
        var results = await Writer(new RecordingReporter("html", extension: "../evil"))
            .WriteAllAsync(SampleReports.Rollback(), Options(), CancellationToken.None);

        Assert.False(Assert.Single(results).Succeeded);
        Assert.Empty(FilesInDirectory());
    }

    private ReportWriter Writer(params IReporter[] reporters) => new(reporters, _logger);

    private ReportingOptions Options() => new() { OutputDirectory = _directory };

    private string[] FilesInDirectory()
        => Directory.Exists(_directory)
            ? [.. Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()]
            : [];

    private sealed class RecordingReporter(string format, Exception? fail = null, Action? onWrite = null, string extension = "html") : IReporter
    {
        public const string Content = "<p>report</p>";

        public int Calls { get; private set; }

        public string Format => format;

        public string FileExtension => extension;

        public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
        {
            Calls++;
            await destination.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Content), cancellationToken);
            onWrite?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            if (fail is not null)
            {
                throw fail;
            }
        }
    }
}
