namespace Observability.Providers.Redis.Tests.Dedupe;

internal static class RedisTestAlerts
{
    /// <summary>A distinct condition per <paramref name="index"/> (its rule); no fingerprint, so the pipeline computes it.</summary>
    public static Alert Alert(int index) => new()
    {
        Rule = $"error_rate_{index:000}",
        Severity = index % 2 == 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
        Title = $"Error rate above threshold on route {index}",
        Message = $"error rate 7.{index % 10}% over 120 jobs", // volatile text: not part of the fingerprint
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Category] = "error_rate" },
        Timestamp = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero),
    };
}
