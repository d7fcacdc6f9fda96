using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>The loopback GitHub with its issues side, a fake clock, a log collector, and issue sinks pointed at them.</summary>
internal sealed class GitHubIssueScenario : IAsyncDisposable
{
    /// <summary>A token that must never show in a log line, a result, or anything sent to GitHub other than the Authorization header.</summary>
    public const string Token = "ghp_ISSUEsinkSECRET0123456789abcdefghijkl";

    public const string Repository = FakeGitHubIssues.Owner + "/" + FakeGitHubIssues.Repo;

    /// <summary>The clock's start: 2026-11-22T10:00:00Z (epoch 1795341600).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly List<IDisposable> _owned = [];

    public GitHubIssueScenario(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? Now);
        GitHub = new FakeGitHubIssues(Server);
        Loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
    }

    public LoopbackGitHubServer Server { get; } = new();

    public FakeGitHubIssues GitHub { get; }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs { get; } = new();

    public ILoggerFactory Loggers { get; }

    public static string Fingerprint(char c) => new(c, 64);

    public static Alert Alert(char fingerprint = 'a', AlertSeverity severity = AlertSeverity.Critical, AlertStatus status = AlertStatus.Firing, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Rule = "error_rate_critical",
        Severity = severity,
        Title = "checkout: error rate 7.5% above 5%",
        Message = "error rate 7.5% over 120 jobs (threshold 5%)",
        RootCause = "payments-api started timing out",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Labels = labels ?? new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Environment] = "production" },
        Links = [new AlertLink("CI run", new Uri("https://ci.example.test/runs/42"))],
        Timestamp = Now,
        Fingerprint = Fingerprint(fingerprint),
        Status = status,
        EndsAt = status == AlertStatus.Resolved ? Now.AddMinutes(30) : null,
    };

    /// <summary>A new sink (no state shared with earlier ones) pointed at the loopback server.</summary>
    public GitHubIssueAlertSink Sink(Action<GitHubIssueAlertSinkOptions>? configure = null)
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = Repository, Token = Token, ApiUrl = Server.BaseAddress };
        configure?.Invoke(options);
        var handler = new SocketsHttpHandler();
        _owned.Add(handler);
        return new GitHubIssueAlertSink("github-issues", options, handler, Time, Loggers);
    }

    /// <summary>The requests to <paramref name="method"/> on <c>/repos/octo-org/octo-repo{path}</c> or, for <c>/search/...</c>, on that API path (query excluded).</summary>
    public IReadOnlyList<LoopbackRequest> Requests(string method, string path)
    {
        var full = LoopbackGitHubServer.Api(path.StartsWith("/search/", StringComparison.Ordinal) ? path : $"/repos/{Repository}{path}");
        return [.. Server.Requests.Where(r => r.Method == method && r.Path == full)];
    }

    /// <summary>Asserts the token is in no log line or property, no result, and no request body or query.</summary>
    public void AssertNoSecret(DeliveryResult? result = null)
    {
        foreach (var record in Logs.GetSnapshot())
        {
            Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(record.StructuredState ?? [], kv => kv.Value?.Contains(Token, StringComparison.Ordinal) == true);
            Assert.DoesNotContain(Token, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.All(Server.Requests, r =>
        {
            Assert.DoesNotContain(Token, r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, r.PathAndQuery, StringComparison.Ordinal);
        });
        if (result is not null)
        {
            Assert.DoesNotContain(Token, result.ToString(), StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(Server.HandlerErrors);
        await Server.DisposeAsync();
        Loggers.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
