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

    private static string AlertText(Alert alert)
    {
        var text = new StringBuilder()
            .AppendLine(alert.Rule).AppendLine(alert.Title).AppendLine(alert.Message).AppendLine(alert.RootCause)
            .AppendLine(alert.Source).AppendLine(alert.TraceId).AppendLine(alert.Fingerprint);
        foreach (var (key, value) in alert.Labels)
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        foreach (var link in alert.Links)
        {
            text.Append(link.Title).Append(' ').AppendLine(link.Url.OriginalString);
        }

        text.AppendLine(System.Text.Json.JsonSerializer.Serialize(alert.Context));
        return text.ToString();
    }

    private static string ActivityText(Activity activity)
    {
        var text = new StringBuilder().AppendLine(activity.DisplayName).AppendLine(activity.StatusDescription);
        foreach (var (key, value) in activity.TagObjects)
        {
            text.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var e in activity.Events)
        {
            text.AppendLine(e.Name);
            foreach (var (key, value) in e.Tags)
            {
                text.Append(key).Append('=').AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        return text.ToString();
    }

    private static string TraceText(ExecutionTrace trace)
    {
        var text = new StringBuilder().AppendLine(trace.Command).AppendLine(trace.TraceId).AppendLine(trace.Error).AppendLine(trace.RunLink?.OriginalString);
        foreach (var step in trace.Steps)
        {
            text.AppendLine(step.Name).AppendLine(step.Detail);
        }

        return text.ToString();
    }

    /// <summary>A report's text; for a PDF, also every stream inflated (its text streams are Flate-compressed).</summary>
    private static string ReadReport(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = new StringBuilder(Encoding.UTF8.GetString(bytes));
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            var raw = Encoding.Latin1.GetString(bytes);
            var at = 0;
            while ((at = raw.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
            {
                var start = at + "stream".Length;
                if (at >= 3 && raw.AsSpan(at - 3, 3).SequenceEqual("end"))
                {
                    at = start;
                    continue;
                }

                start += raw[start] == '\r' ? 2 : 1;
                var end = raw.IndexOf("endstream", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                try
                {
                    using var zlib = new ZLibStream(new MemoryStream(bytes, start, end - start), CompressionMode.Decompress);
                    using var inflated = new MemoryStream();
                    zlib.CopyTo(inflated);
                    text.AppendLine(Encoding.Latin1.GetString(inflated.ToArray()));
                }
                catch (InvalidDataException)
                {
                    // Not a Flate stream (an image, or uncompressed): already in the raw text.
                }

                at = end + "endstream".Length;
            }
        }

        return text.ToString();
    }

    private static byte[] FakePdf(string content)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes("BT (" + content + ") Tj ET"));
        }

        var output = new MemoryStream();
        output.Write("%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\n"u8);
        output.Write(compressed.ToArray());
        output.Write("\nendstream\nendobj\n%%EOF\n"u8);
        return output.ToArray();
    }

    /// <summary>The secrets, built at run time from random parts so the repository holds none.</summary>
    private sealed record Secrets(string GitHubToken, string DiscordWebhook, string SentryDsn, string AwsKey, string Password, string PemKey)
    {
        public IReadOnlyList<string> All => [GitHubToken, DiscordWebhook, SentryDsn, AwsKey, Password, PemKey];

        public string Joined => string.Join(" ; ", All);

        /// <summary>For each secret, a distinctive middle part (never its last 4 characters, the fingerprint the redactor keeps).</summary>
        public IReadOnlyList<string> Middles =>
        [
            GitHubToken[6..22],
            DiscordWebhook[^40..^20],
            SentryDsn[10..30],
            AwsKey[4..16],
            Password["password=".Length..^6],
            PemKey[(PemKey.IndexOf('\n', StringComparison.Ordinal) + 8)..(PemKey.IndexOf('\n', StringComparison.Ordinal) + 40)],
        ];

        public static Secrets Create(int port)
        {
            var random = Random.Shared;
            const string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            string Pick(string alphabet, int length) => new(random.GetItems(alphabet.AsSpan(), length));

            var github = "ghp" + "_" + Pick(alnum, 36);
            var webhookId = "1" + Pick("0123456789", 17);
            var discord = $"http://127.0.0.1:{port}/api/web" + $"hooks/{webhookId}/" + Pick(alnum + "-_", 68);
            var sentry = $"http://{Pick("0123456789abcdef", 32)}@127.0.0.1:{port}/{Pick("123456789", 6)}";
            var aws = "AK" + "IA" + Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
            var password = "pass" + "word=" + Pick(alnum, 10) + "!" + Pick(alnum, 10);
            var body = string.Join('\n', Enumerable.Range(0, 6).Select(_ => Pick(alnum + "+/", 64)));
            var label = "RSA PRIVATE" + " KEY";
            var pem = $"-----BEGIN {label}-----\n{body}\n-----END {label}-----";
            return new Secrets(github, discord, sentry, aws, password, pem);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial System.Text.RegularExpressions.Regex MarkdownEscape();

    private sealed class Scanner(Secrets secrets)
    {
        public List<string> Leaks { get; } = [];

        public void Check(string where, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            // JSON and HTML escape some characters: look in the text and in its unescaped form.
            var unescaped = WebUtility.HtmlDecode(text.Replace("\\u002B", "+", StringComparison.Ordinal).Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal));
            // Markdown escapes punctuation with a backslash ('\_', '\*', '\-'): look in the text without them too.
            var markdown = MarkdownEscape().Replace(text, "$1");
            for (var i = 0; i < secrets.All.Count; i++)
            {
                foreach (var needle in new[] { secrets.All[i], secrets.Middles[i] })
                {
                    if (text.Contains(needle, StringComparison.Ordinal) || unescaped.Contains(needle, StringComparison.Ordinal) || markdown.Contains(needle, StringComparison.Ordinal))
                    {
                        var at = unescaped.IndexOf(needle, StringComparison.Ordinal);
                        var excerpt = at >= 0 ? unescaped.Substring(Math.Max(0, at - 60), Math.Min(unescaped.Length - Math.Max(0, at - 60), needle.Length + 120)) : needle;
                        Leaks.Add($"{where}: secret #{i} ({(needle == secrets.All[i] ? "whole" : "middle")}) in ...{excerpt.ReplaceLineEndings(" ")}...");
                    }
                }
            }
        }
    }
}
