using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Testing;

namespace Observability.Core.Tests.Monitoring;

/// <summary>
/// Secrets in a collector's returned failures, in rejected input quoted by the parsers and in an alert's
/// identity fields never reach the report, the findings, the log or a sink.
/// </summary>
public sealed class RedactionRoutingTests : IDisposable
{
    // ghp_ + 36 letters and digits: the shape of a GitHub classic token (made up here).
    private static readonly string Token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static readonly string Masked = "***" + Token[^4..];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-redact-" + Guid.NewGuid().ToString("N"));

    public RedactionRoutingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunOnceAsync_TokenInCsvCell_NeverReachesTheReports()
    {
        var csv = WriteCsv(
            "timestamp,error_rate",
            "2025-01-06T09:00:00Z,0.001",
            $"2025-01-06T10:00:00Z,{Token}",
            "2025-01-06T11:00:00Z,0.001");
        await using var harness = Harness(b => b.AddFileCollector("file", o => o.Path = csv));

        var result = await harness.Monitor.RunOnceAsync();

        var summary = Assert.Single(result.Report.Collections, c => c.Collector == "file");
        Assert.Equal(CollectionStatus.Partial, summary.Status);
        Assert.Contains(summary.Errors, e => e.Contains($"'{Masked}' is not a number", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Collections, c => c.Errors.Any(e => e.Message.Contains(Token[4..12], StringComparison.Ordinal)));
        AssertReportsClean(result);
    }

    [Fact]
    public async Task RunOnceAsync_TokenInCsvHeader_FailedCollectorFindingIsMasked()
    {
        var csv = WriteCsv($"time,{Token}", "2025-01-06T10:00:00Z,0.001");
        await using var harness = Harness(b => b.AddFileCollector("file", o => o.Path = csv));

        var result = await harness.Monitor.RunOnceAsync();

        var finding = Assert.Single(result.Report.Findings, f => f.Rule == "collector_failed");
        Assert.Contains(Masked, finding.Message, StringComparison.Ordinal);
        AssertReportsClean(result);
    }

    [Theory]
    [InlineData(CollectionStatus.Failed)]
    [InlineData(CollectionStatus.Partial)]
    public async Task RunOnceAsync_ReturnedFailureCarryingToken_IsMaskedInReportFindingAndLog(CollectionStatus status)
    {
        var logs = new RecordingLoggerProvider();
        var error = new CollectionError(CollectionErrorKind.Unauthorized, $"GET /api/metrics?access_token={Token} returned 401");
        await using var harness = Harness(b => b.Services.AddLogging(l => l.AddProvider(logs)));
        var snapshots = TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-2), TimeSpan.FromMinutes(30), 4, (_, t) => TestSnapshots.Service(t));
        harness.Collector.EnqueueResult(status == CollectionStatus.Failed
            ? CollectionResult.Failed("scripted", error)
            : CollectionResult.Partial("scripted", snapshots, [error]));

        var result = await harness.Monitor.RunOnceAsync();

        var summary = Assert.Single(result.Report.Collections, c => c.Collector == "scripted");
        Assert.Contains(summary.Errors, e => e.Contains($"access_token={Masked}", StringComparison.Ordinal));
        if (status == CollectionStatus.Failed)
        {
            Assert.Contains(result.Report.Findings, f => f.Rule == "collector_failed" && f.Message.Contains(Masked, StringComparison.Ordinal));
        }

        Assert.Contains(logs.Messages, m => m.Contains(Masked, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Token[4..12], StringComparison.Ordinal));
        AssertReportsClean(result);
    }

    [Fact]
    public async Task PublishAsync_TokenInRuleSourceAndTraceId_SinkSeesThemMasked()
    {
        await using var harness = Harness();
        var publisher = harness.Services.GetRequiredService<IAlertPublisher>();
        var alert = new Alert
        {
            Rule = $"rule token={Token}",
            Severity = AlertSeverity.Error,
            Title = "deploy failed",
            Source = $"ci {Token}",
            TraceId = Token,
        };

        await publisher.PublishAsync([alert]);
        Assert.True(await publisher.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

        var delivered = Assert.Single(harness.Sink.Alerts);
        Assert.Equal($"rule token={Masked}", delivered.Rule);
        Assert.Equal($"ci {Masked}", delivered.Source);
        Assert.Equal(Masked, delivered.TraceId);
    }

    [Fact]
    public void ParseBatch_TokenInRejectedLogField_IsMaskedInTheMessage()
    {
        var line = $$"""{"timestamp":"{{Token}}","level":"info"}""";

        var result = new StructuredLogIngestor().ParseBatch(Encoding.UTF8.GetBytes(line));

        var rejected = Assert.Single(result.Rejected);
        Assert.Contains($"({Masked})", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token[4..12], rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_TokenInJsonLinesValue_IsMaskedInTheError()
    {
        var path = Path.Combine(_directory, "snapshots.jsonl");
        await File.WriteAllTextAsync(path, "{\"timestamp\":\"2025-01-06T10:00:00Z\",\"metrics\":{\"error_rate\":\"" + Token + "\"}}\n");
        await using var harness = Harness(b => b.AddFileCollector("file", o => o.Path = path));

        var result = await harness.Monitor.RunOnceAsync();

        var file = Assert.Single(result.Collections, c => c.CollectorName == "file");
        Assert.NotEmpty(file.Errors);
        Assert.DoesNotContain(file.Errors, e => e.Message.Contains(Token[4..12], StringComparison.Ordinal));
        AssertReportsClean(result);
    }

    private ObservabilityTestHarness Harness(Action<IObservabilityBuilder>? build = null)
        => ObservabilityTestHarness.Create(
            o => o.Reports.OutputDirectory = Path.Combine(_directory, "reports"),
            b =>
            {
                b.AddJsonReporter().AddMarkdownReporter();
                build?.Invoke(b);
            });

    private string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(_directory, "snapshots.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static void AssertReportsClean(MonitoringPassResult result)
    {
        Assert.Equal(2, result.Reports.Count);
        foreach (var report in result.Reports)
        {
            Assert.True(report.Succeeded, report.Error);
            var text = File.ReadAllText(report.Path!);
            Assert.DoesNotContain(Token[4..12], text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Report.Findings, f => f.Message.Contains(Token[4..12], StringComparison.Ordinal));
        Assert.DoesNotContain(result.Report.Collections, c => c.Errors.Any(e => e.Contains(Token[4..12], StringComparison.Ordinal)));
    }

    private sealed class RecordingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(formatter(state, exception));
        }
    }
}
