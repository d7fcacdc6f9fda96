using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Logging;

public sealed class JsonLoggerProviderTests
{
    private const string GitHubToken = "ghp_R8x2Lq0vNw4Zt6Yb1Kc3Hd5Jf7Mg9Pa0Sb2T";
    private const string SlackWebhook = "https://hooks.slack.com/services/T0A1B2C3D/B0E1F2G3H/xYzAbCdEfGhIjKlMnOpQrStU";
    private static readonly DateTimeOffset Now = new(2025, 10, 16, 18, 0, 0, TimeSpan.Zero);
    private static readonly ActivitySource TestSource = new("Observability.Core.Tests.JsonLogs");

    [Fact]
    public void Log_InfoWithContextScope_WritesTheSpecFieldsInOrder()
    {
        var (lines, factory) = Create();
        using (factory)
        {
            var logger = factory.CreateLogger("Orchestrator.Handlers.DiscordHandler");
            using (logger.BeginScope(new Dictionary<string, object?> { ["correlation_id"] = "workflow-run-123", ["user_id"] = "discord-user-123", ["cmd"] = "/diagnose" }))
            {
                logger.Log(LogLevel.Information, new EventId(12, "handle_diagnose_command"), "Triggered diagnose workflow");
            }
        }

        using var line = JsonDocument.Parse(Assert.Single(lines()));
        var names = line.RootElement.EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.Equal(["ts", "level", "service", "fn", "trace_id", "correlation_id", "user_id", "cmd", "msg"], names[..9]);
        var root = line.RootElement;
        Assert.Equal("2025-10-16T18:00:00.000000Z", root.GetProperty("ts").GetString());
        Assert.Equal(Now, DateTimeOffset.Parse(root.GetProperty("ts").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("info", root.GetProperty("level").GetString());
        Assert.Equal("orchestrator", root.GetProperty("service").GetString());
        Assert.Equal("handle_diagnose_command", root.GetProperty("fn").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trace_id").ValueKind); // no activity, none given
        Assert.Equal("workflow-run-123", root.GetProperty("correlation_id").GetString());
        Assert.Equal("discord-user-123", root.GetProperty("user_id").GetString());
        Assert.Equal("/diagnose", root.GetProperty("cmd").GetString());
        Assert.Equal("Triggered diagnose workflow", root.GetProperty("msg").GetString());
        Assert.Equal("Orchestrator.Handlers.DiscordHandler", root.GetProperty("category").GetString());
        Assert.Equal(12, root.GetProperty("event_id").GetInt32());
    }

    [Theory]
    [InlineData(LogLevel.Trace, "debug")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Error, "error")]
    [InlineData(LogLevel.Critical, "error")]
    public void Log_EachLevel_HasTheSpecName(LogLevel level, string expected)
    {
        var (lines, factory) = Create();
        using (factory)
        {
            factory.CreateLogger("x").Log(level, "hello");
        }

        using var line = JsonDocument.Parse(Assert.Single(lines()));
        Assert.Equal(expected, line.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void Log_InsideAnActivity_TakesTraceAndSpanIdsFromIt_AndFnFromTheCategory()
    {
        using var listener = Listen(TestSource.Name);
        var (lines, factory) = Create();
        string traceId, spanId;
        using (factory)
        using (var activity = TestSource.StartActivity("work"))
        {
            Assert.NotNull(activity);
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
            factory.CreateLogger("Acme.Checkout.PaymentService").LogWarning("slow");
        }

        using var line = JsonDocument.Parse(Assert.Single(lines()));
        Assert.Equal(traceId, line.RootElement.GetProperty("trace_id").GetString());
        Assert.Equal(spanId, line.RootElement.GetProperty("span_id").GetString());
        Assert.Equal("PaymentService", line.RootElement.GetProperty("fn").GetString());
    }

    [Fact]
    public void Log_SecretsInMessageScopeStateAndException_AreRedactedEverywhere()
    {
        var (lines, factory) = Create();
        using (factory)
        {
            var logger = factory.CreateLogger("x");
            using (logger.BeginScope(new Dictionary<string, object?> { ["webhook"] = SlackWebhook, ["api_token"] = "abcdefgh12345678" }))
            using (logger.BeginScope("calling with " + GitHubToken))
            {
                logger.LogError(
                    new InvalidOperationException($"Bad credentials for token={GitHubToken}"),
                    "Posting to {Destination} failed with {Authorization}",
                    SlackWebhook,
                    "Bearer " + GitHubToken);
            }
        }

        var text = Assert.Single(lines());
        Assert.DoesNotContain(GitHubToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("xYzAbCdEfGhIjKlMnOpQrStU", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefgh1234", text, StringComparison.Ordinal);
        using var line = JsonDocument.Parse(text);
        var root = line.RootElement;
        Assert.Equal("***5678", root.GetProperty("api_token").GetString()); // key-based: last 4 kept
        Assert.Contains("***", root.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Contains("***", root.GetProperty("webhook").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("***", root.GetProperty("Authorization").GetString(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException", root.GetProperty("exception_type").GetString());
        Assert.Contains("calling with ***", root.GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_TemplateValues_BecomeTypedFields_AndStateWinsOverScope()
    {
        var (lines, factory) = Create();
        using (factory)
        {
            var logger = factory.CreateLogger("x");
            using (logger.BeginScope(new Dictionary<string, object?> { ["user_id"] = "outer", ["Region"] = "eu" }))
            using (logger.BeginScope(new Dictionary<string, object?> { ["user_id"] = "inner" }))
            {
                logger.LogInformation("{Count} items in {Seconds} s for {UserId}, ok {Ok}", 42, 1.5, "state-user", true);
            }
        }

        using var line = JsonDocument.Parse(Assert.Single(lines()));
        var root = line.RootElement;
        Assert.Equal(42, root.GetProperty("Count").GetInt32());
        Assert.Equal(1.5, root.GetProperty("Seconds").GetDouble());
        Assert.True(root.GetProperty("Ok").GetBoolean());
        Assert.Equal("eu", root.GetProperty("Region").GetString());
        Assert.Equal("state-user", root.GetProperty("user_id").GetString());
        Assert.False(root.TryGetProperty("UserId", out _));
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_InnerScopeWinsOverOuter()
    {
        var (lines, factory) = Create();
        using (factory)
        {
            var logger = factory.CreateLogger("x");
            using (logger.BeginScope(new Dictionary<string, object?> { ["user_id"] = "outer" }))
            using (logger.BeginScope(new Dictionary<string, object?> { ["user_id"] = "inner" }))
            {
                logger.LogInformation("hi");
            }
        }

        using var line = JsonDocument.Parse(Assert.Single(lines()));
        Assert.Equal("inner", line.RootElement.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Log_FromManyThreads_EveryLineIsOneWholeJsonObject()
    {
        var (lines, factory) = Create();
        using (factory)
        {
            var logger = factory.CreateLogger("x");
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 250; i++)
                {
                    logger.LogInformation("thread {Thread} line {Line} with a longer text to interleave {Padding}", t, i, new string('x', 200));
                }
            })));
        }

        var all = lines();
        Assert.Equal(2000, all.Count);
        var seen = new HashSet<(int, int)>();
        foreach (var text in all)
        {
            using var line = JsonDocument.Parse(text);
            Assert.True(seen.Add((line.RootElement.GetProperty("Thread").GetInt32(), line.RootElement.GetProperty("Line").GetInt32())));
        }
    }

    [Fact]
    public void AddObservabilityJsonLogs_WithAddObservability_UsesTheUsersRedactionOptions()
    {
        var output = new StringWriter();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Redaction.SecretKeyFragments.Add("pin");
        });
        services.AddLogging(logging => logging.AddObservabilityJsonLogs(output, o => o.ServiceName = "checkout"));
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogInformation("card {CardPin}", "98765432");
        }

        using var line = JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("***5432", line.RootElement.GetProperty("CardPin").GetString());
        Assert.Equal("checkout", line.RootElement.GetProperty("service").GetString());
    }

    [Fact]
    public void Log_WriterThrows_DoesNotThrowIntoTheCaller()
    {
        var writer = new StringWriter();
        var provider = new JsonLoggerProvider(writer, new JsonLogOptions(), new SecretRedactor(new RedactionOptions()));
        writer.Dispose();

        var exception = Record.Exception(() => provider.CreateLogger("x").LogInformation("after the writer closed"));

        Assert.Null(exception);
    }

    private static (Func<IReadOnlyList<string>> Lines, ILoggerFactory Factory) Create()
    {
        var output = new StringWriter();
        var provider = new JsonLoggerProvider(output, new JsonLogOptions { ServiceName = "orchestrator" }, new SecretRedactor(new RedactionOptions()), new FakeTimeProvider(Now));
        var factory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(provider);
        });
        return (() => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), factory);
    }

    private static ActivityListener Listen(string source)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
