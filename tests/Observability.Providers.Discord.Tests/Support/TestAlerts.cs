using Microsoft.Extensions.Logging.Abstractions;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>Alerts and sinks shared by the tests.</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Alert Alert(AlertSeverity severity = AlertSeverity.Critical, string title = "Error rate 7.5% above 5%", string rule = "error_rate") => new()
    {
        Rule = rule,
        Severity = severity,
        Title = title,
        Message = "error rate 7.5% over 120 jobs (threshold 5%)",
        RootCause = "payments-api answers 503",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Links = [new AlertLink("CI run", new Uri("https://ci.example.test/runs/42")), new AlertLink("Runbook", new Uri("https://wiki.example.test/runbooks/error-rate"))],
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Environment] = "prod" },
        Source = "release-health",
        Fingerprint = "0123456789abcdef" + new string('e', 48),
        Timestamp = At,
    };

    public static DiscordAlertSink Sink(DiscordWebhookServer server, Action<DiscordAlertSinkOptions>? configure = null, TimeProvider? time = null, string name = "discord")
    {
        var options = new DiscordAlertSinkOptions { WebhookUrl = server.WebhookUrl };
        configure?.Invoke(options);
        return new DiscordAlertSink(name, options, new HttpClient(), time ?? TimeProvider.System, NullLoggerFactory.Instance);
    }
}
