using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Testing;
using Observability.Tests.Http;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// Issue 11's end-to-end check: real-format secrets go into every path of two monitoring passes (a collector's returned
/// and thrown failures, an alert's every field, log scopes and state, trace steps and errors) and none of them, nor its
/// distinctive middle, reaches a sink payload (the recording sink and the Alertmanager sink over loopback HTTP), a JSON
/// log line, a report file, an <see cref="Activity"/>, the trace store or the debug-last text.
/// </summary>
public sealed partial class SecretsEndToEndTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-e2e-secrets-" + Guid.NewGuid().ToString("N"));

    public SecretsEndToEndTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task MonitoringPasses_SecretsInEveryPath_NoneReachesAnyOutput()
    {
        // Alertmanager over loopback HTTP: every request body it receives is a payload to scan.
        var payloads = new ConcurrentQueue<string>();
        await using var alertmanager = new HttpListenerLoopbackServer(async request =>
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            payloads.Enqueue(request.Url + "\n" + await reader.ReadToEndAsync());
            return new HttpListenerAnswer(200, "{}"u8.ToArray());
        });
        var secrets = Secrets.Create(alertmanager.Port);

        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ObservabilityInstrumentation.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var logText = new StringWriter();
        var logWriter = TextWriter.Synchronized(logText);
        var thrower = new ScriptedCollector("thrower");
        await using var harness = ObservabilityTestHarness.Create(
            o =>
            {
                o.Reports.OutputDirectory = Path.Combine(_directory, "reports");
                o.Traces.EnableDebugCommand = true;
            },
            b =>
            {
                b.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddObservabilityJsonLogs(logWriter));
                b.AddCollector(thrower)
                    .AddAlertmanagerAlertSink(o => o.Url = alertmanager.BaseAddress)
                    .AddJsonReporter()
                    .AddMarkdownReporter()
                    .AddHtmlReporter()
                    .AddSnapshotCsvReporter()
                    .AddSloViolationsReporter()
                    .AddOperationalReporter()
                    .AddPdfReporter();
            });

        // 1. Collectors. The monitor asks the next collector only when one fails, so the first pass gets a returned
        // failure from the scripted collector then a thrown exception from the next; the second a returned partial result.
        harness.Collector.EnqueueResult(CollectionResult.Failed(
            "scripted",
            new CollectionError(CollectionErrorKind.Unauthorized, "GET /api/metrics returned 401 for " + secrets.Joined)));
        thrower.EnqueueException(new InvalidOperationException("collector broke with " + secrets.Joined));
        var snapshots = TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-2), TimeSpan.FromMinutes(30), 4, (_, t) => TestSnapshots.Service(t));
        harness.Collector.EnqueueResult(CollectionResult.Partial(
            "scripted",
            snapshots,
            secrets.All.Select(s => new CollectionError(CollectionErrorKind.Unauthorized, $"GET /api/metrics failed: {s}"))));

        // 2. The user's own command recorded as a trace: step details, a failing step and the error.
        var tracer = harness.Services.GetRequiredService<ExecutionTracer>();
        using (var trace = tracer.Start("/deploy " + secrets.GitHubToken, userId: "user-1"))
        {
            foreach (var secret in secrets.All)
            {
                trace.AddStep("call " + secret, TraceStepStatus.Succeeded, TimeSpan.FromMilliseconds(5), detail: "sent " + secret);
            }

            using (var step = trace.BeginStep("push with " + secrets.AwsKey))
            {
                step.Fail("push refused: " + secrets.Password);
            }

            trace.RunLink = new Uri(secrets.DiscordWebhook);
            trace.Fail(new InvalidOperationException("deploy failed " + secrets.Joined));
        }

        // 3. Log scopes and message state through the JSON logger.
        var logger = harness.Services.GetRequiredService<ILoggerFactory>().CreateLogger("E2E");
        using (logger.BeginScope(new Dictionary<string, object?> { ["webhook"] = secrets.DiscordWebhook, ["dsn"] = secrets.SentryDsn, ["note"] = secrets.Joined }))
        using (logger.BeginScope("scope with {Token}", secrets.GitHubToken))
        {
            logger.LogWarning("connecting with {Key} and {Pem} ({Password})", secrets.AwsKey, secrets.PemKey, secrets.Password);
            logger.LogError(new InvalidOperationException("boom " + secrets.Joined), "failed: {Detail}", secrets.Joined);
        }

        // 4. Two monitoring passes (collect, evaluate, alert, report).
        var failedPass = await harness.Monitor.RunOnceAsync();
        var firstReports = Path.Combine(_directory, "first-pass");
        Directory.CreateDirectory(firstReports);
        foreach (var file in failedPass.Reports.Select(r => r.Path!))
        {
            File.Copy(file, Path.Combine(firstReports, Path.GetFileName(file))); // the second pass writes over them
        }

        var result = await harness.Monitor.RunOnceAsync();

        // 5. An alert published directly, with a secret in every field.
        var publisher = harness.Services.GetRequiredService<IAlertPublisher>();
        await publisher.PublishAsync(
        [
            new Alert
            {
                Rule = "rule " + secrets.GitHubToken,
                Severity = AlertSeverity.Critical,
                Title = "title " + secrets.AwsKey,
                Message = "message " + secrets.Joined,
                RootCause = "cause " + secrets.SentryDsn,
                Source = "source " + secrets.Password,
                TraceId = secrets.GitHubToken,
                Labels = new Dictionary<string, string>
                {
                    ["token"] = secrets.GitHubToken,
                    ["hook"] = secrets.DiscordWebhook,
                    ["env"] = "staging " + secrets.AwsKey,
                },
                Context = new Dictionary<string, object?>
                {
                    ["dsn"] = secrets.SentryDsn,
                    ["pem"] = secrets.PemKey,
                    ["nested"] = new Dictionary<string, object?> { ["conn"] = "Server=db;" + secrets.Password },
                    ["list"] = new[] { secrets.GitHubToken, secrets.AwsKey },
                },
            },
        ]);
        Assert.True(await publisher.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token));

        var debugLast = harness.Services.GetRequiredService<DebugLastCommand>();
        var store = harness.Services.GetRequiredService<TraceStore>();

        // The paths were really exercised (so "nothing found" means "redacted", not "never written").
        Assert.Contains(failedPass.Report.Collections, c => c.Collector == "scripted" && c.Status == CollectionStatus.Failed);
        Assert.Contains(failedPass.Report.Collections, c => c.Collector == "thrower" && c.Errors.Count > 0);
        Assert.Contains(result.Report.Collections, c => c.Collector == "scripted" && c.Status == CollectionStatus.Partial && c.Errors.Count > 0);
        Assert.NotEmpty(harness.Sink.Alerts);
        Assert.NotEmpty(payloads);
        Assert.All(failedPass.Reports.Concat(result.Reports), r => Assert.True(r.Succeeded, r.Error));
        Assert.True(result.Reports.Count >= 7, $"reports written: {result.Reports.Count}");
        logWriter.Flush();
        var logLines = logText.ToString();
        Assert.Contains("connecting with", logLines, StringComparison.Ordinal);
        Assert.NotEmpty(activities);
        Assert.Contains(store.GetRecent(), t => t.UserId == "user-1");
        var userView = debugLast.Render("user-1");
        var serviceView = debugLast.Render();
        Assert.NotEqual(DebugLastCommand.DisabledText, userView);

        var scanner = new Scanner(secrets);

        foreach (var alert in harness.Sink.Alerts)
        {
            scanner.Check($"recording sink alert {alert.Rule}", AlertText(alert));
        }

        foreach (var payload in payloads)
        {
            scanner.Check("Alertmanager request", payload);
        }

        foreach (var line in logLines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            scanner.Check("JSON log line", line);
        }

        var reportFiles = Directory.GetFiles(_directory, "*", SearchOption.AllDirectories);
        Assert.Contains(reportFiles, f => f.EndsWith(".pdf", StringComparison.Ordinal));
        foreach (var file in reportFiles)
        {
            scanner.Check("report " + Path.GetFileName(file), ReadReport(file));
        }

        // The secrets did reach these outputs, masked (the GitHub token's fingerprint is its last 4 characters).
        var masked = "***" + secrets.GitHubToken[^4..];
        foreach (var path in new[] { Path.Combine(firstReports, "health-report.md"), Path.Combine(firstReports, "health-report.json"), Path.Combine(_directory, "reports", "health-report.json") })
        {
            var reportText = ReadReport(path).Replace("\\*", "*", StringComparison.Ordinal); // Markdown escapes '*'
            Assert.True(reportText.Contains(masked, StringComparison.Ordinal), path + "\n" + reportText);
        }

        var pdf = ReadReport(Assert.Single(Directory.GetFiles(firstReports, "*.pdf")));
        Assert.True(pdf.Contains("collector_failed", StringComparison.Ordinal), "the PDF's text is not readable after inflating its streams");
        Assert.Contains(masked, logLines, StringComparison.Ordinal);
        Assert.Contains(payloads, p => p.Contains(masked, StringComparison.Ordinal));
        Assert.Contains(masked, userView, StringComparison.Ordinal);

        foreach (var pass in new[] { failedPass, result })
        {
            // The collectors' results handed back to the caller carry their error texts redacted too.
            scanner.Check("pass result collections", string.Join('\n', pass.Collections.SelectMany(c => c.Errors.Select(e => e.ToString()).Concat(c.Warnings))));
            scanner.Check("findings", string.Join('\n', pass.Report.Findings.Select(f => f.Rule + " " + f.Message)));
            scanner.Check("report summaries", string.Join('\n', pass.Report.Collections.SelectMany(c => c.Errors.Concat(c.Warnings))));
        }

        foreach (var activity in activities)
        {
            scanner.Check("activity " + activity.OperationName, ActivityText(activity));
        }

        foreach (var trace in store.GetRecent())
        {
            scanner.Check("stored trace " + trace.Command, TraceText(trace));
        }

        scanner.Check("debug-last (user)", userView);
        scanner.Check("debug-last (service)", serviceView);
        scanner.Check("debug-last (Discord)", debugLast.RenderDiscordResponse("user-1"));

        Assert.True(scanner.Leaks.Count == 0, "Secrets leaked:\n" + string.Join('\n', scanner.Leaks));
    }

    [Fact]
    public void Scanner_SecretsInAFileWrittenByTheTest_AreAllDetected()
    {
        // The scanner itself must be able to fail: a file written here (no redaction by design) holds every secret.
        var secrets = Secrets.Create(HttpListenerLoopbackServer.FreePort());
        var path = Path.Combine(_directory, "plain.txt");
        File.WriteAllText(path, secrets.Joined);
        var compressed = Path.Combine(_directory, "plain.pdf");
        File.WriteAllBytes(compressed, FakePdf(secrets.Joined));

        var scanner = new Scanner(secrets);
        scanner.Check("plain file", ReadReport(path));
        scanner.Check("compressed stream", ReadReport(compressed));

        // Every secret and every middle part is found in both files.
        Assert.Equal(2 * 2 * secrets.All.Count, scanner.Leaks.Count);
    }
}
