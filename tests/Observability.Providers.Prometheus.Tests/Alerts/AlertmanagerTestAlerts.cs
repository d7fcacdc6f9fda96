using Microsoft.Extensions.Logging.Abstractions;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>Alerts and sinks the Alertmanager tests share.</summary>
internal static class AlertmanagerTestAlerts
{
    public const string Token = "am-bearer-token-7f3c9b2e";

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Alert Alert(string rule = "HighErrorRate") => new()
    {
        Rule = rule,
        Severity = AlertSeverity.Critical,
        Title = "Error rate 7.5% above 5%",
        Message = "error rate 7.5% over 120 jobs",
        RootCause = "the payment gateway times out",
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Category] = "error_rate" },
        Links = [new AlertLink("CI run", new Uri("https://ci.example.test/runs/42")), new AlertLink("Runbook", new Uri("https://wiki.example.test/runbooks/error-rate"))],
        Timestamp = Start,
        Fingerprint = new string('c', 64),
    };

    public static AlertmanagerAlertSink Sink(Uri url, Action<AlertmanagerAlertSinkOptions>? configure = null, TimeProvider? time = null, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null, HttpClient? client = null)
    {
        var options = new AlertmanagerAlertSinkOptions { Url = url };
        configure?.Invoke(options);
        return new AlertmanagerAlertSink("alertmanager", options, client ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, time ?? TimeProvider.System, loggers ?? NullLoggerFactory.Instance);
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "alertmanager", name));
}
