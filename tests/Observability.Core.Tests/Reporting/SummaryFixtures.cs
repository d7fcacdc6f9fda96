using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Time.Testing;
using Observability.Testing;

namespace Observability.Core.Tests.Reporting;

/// <summary>A real week aggregated from snapshots and alerts, the summary files written from it, and schema checks.</summary>
internal static class SummaryFixtures
{
    public static readonly DateTimeOffset Start = new(2025, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset GeneratedAt = new(2025, 11, 29, 0, 5, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset BaselineAt = new(2025, 11, 21, 18, 0, 0, TimeSpan.Zero);

    public static SummaryReporter Reporter() => new(new FakeTimeProvider(GeneratedAt));

    public static DailyAggregationOptions DailyOptions()
    {
        var options = new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromMinutes(30) };
        options.Baseline[WellKnownMetrics.LatencyP99] = 300;
        return options;
    }

    /// <summary>
    /// Seven days of snapshots every 30 minutes: 0.05 % errors (availability 99.95 %) and a p99 of 320 ms,
    /// except day 3 that misses its two snapshots at 04:00 and 04:30, and day 7 that fails 1 % of its requests
    /// (degraded). One alert of each severity on day 2 and a critical one on day 7.
    /// </summary>
    public static (IReadOnlyList<DailySummary> Days, WeeklySummary Week) Week(WeeklySummaryOptions? weekly = null)
    {
        var snapshots = TestSnapshots.Series(Start, TimeSpan.FromMinutes(30), 7 * 48, (i, t) => TestSnapshots.Service(t, errorRate: i >= 6 * 48 ? 0.01 : 0.0005))
            .Where(s => !(s.Timestamp >= Start.AddDays(2).AddHours(4) && s.Timestamp < Start.AddDays(2).AddHours(5)))
            .ToList();
        var alerts = new[]
        {
            Alert(Start.AddDays(1).AddHours(3), AlertSeverity.Info),
            Alert(Start.AddDays(1).AddHours(3), AlertSeverity.Warning),
            Alert(Start.AddDays(1).AddHours(9), AlertSeverity.Error),
            Alert(Start.AddDays(1).AddHours(9), AlertSeverity.Critical),
            Alert(Start.AddDays(6).AddHours(12), AlertSeverity.Critical),
        };
        var days = DailyAggregator.AggregateDays(snapshots, alerts, DailyOptions());
        weekly ??= new WeeklySummaryOptions { BaselineTimestamp = BaselineAt, ServiceName = "checkout", Version = "v1.0.1" };
        return (days, WeeklySummarizer.Summarize(days, weekly));
    }

    public static Alert Alert(DateTimeOffset at, AlertSeverity severity)
        => new() { Rule = "rule_" + severity.ToString().ToLowerInvariant(), Severity = severity, Title = severity + " alert", Timestamp = at };

    public static async Task<string> DailyJsonAsync(DailySummary day)
    {
        using var stream = new MemoryStream();
        await Reporter().WriteJsonAsync(day, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<string> WeeklyJsonAsync(WeeklySummary week)
    {
        using var stream = new MemoryStream();
        await Reporter().WriteJsonAsync(week, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static async Task<string> MarkdownAsync(WeeklySummary week, IReadOnlyList<DailySummary> days)
    {
        using var stream = new MemoryStream();
        await Reporter().WriteMarkdownAsync(week, days, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Builds a schema in a registry of its own, so that tests can build the same <c>$id</c> again.</summary>
    public static JsonSchema Schema(string text) => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Validates with formats (date-time, uri) asserted; the message lists every error.</summary>
    public static (bool Valid, string Errors) Validate(string schemaText, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema(schemaText).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? [])
            .Where(static d => d.Errors is { Count: > 0 })
            .SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
        return (result.IsValid, string.Join("\n", errors));
    }
}
