using System.Globalization;
using System.Text.Json;

namespace Observability.Eval.Storm;

/// <summary>
/// The alerts of a storm, the same on both sides: those of <c>AlertStormBenchmarks</c> (half critical
/// <c>error_rate_critical</c>, half warning <c>latency_warning</c>; labels service <c>svc-{i % 997}</c>, category
/// <c>cat-{i / 2}</c>, instance <c>i-{i}</c>) plus a <c>storm_run</c> label that makes every run's alerts new to Alertmanager.
/// </summary>
internal static class StormAlerts
{
    /// <summary>The alerts per publish and per POST.</summary>
    public const int Batch = 100;

    /// <summary>The label that tells the runs apart.</summary>
    public const string RunLabel = "storm_run";

    /// <summary>The labels beyond rule, service and severity that make an alert distinct, as they do in Alertmanager.</summary>
    public static IReadOnlyList<string> IdentityLabels { get; } = ["category", "instance", RunLabel];

    /// <summary>The library's alerts, in batches of <see cref="Batch"/>.</summary>
    public static Alert[][] ForLibrary(int distinct, string run)
        => Enumerable.Range(0, distinct)
            .Select(i => new Alert
            {
                Rule = Rule(i),
                Severity = i % 2 == 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
                Title = "Storm alert",
                Message = Message(i),
                Labels = Labels(i, run),
            })
            .Chunk(Batch)
            .ToArray();

    /// <summary>
    /// The same alerts as Alertmanager's API v2 wants them (<c>POST /api/v2/alerts</c>: labels with <c>alertname</c> and
    /// <c>severity</c>, the title and message as annotations, <c>startsAt</c> <paramref name="now"/>, <c>endsAt</c> five minutes
    /// later), one UTF-8 JSON array per batch of <see cref="Batch"/>, serialised before the clock starts.
    /// </summary>
    public static byte[][] ForAlertmanager(int distinct, string run, DateTimeOffset now)
    {
        var startsAt = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var endsAt = now.AddMinutes(5).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var batches = new byte[(distinct + Batch - 1) / Batch][];
        for (var b = 0; b < batches.Length; b++)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = b * Batch; i < Math.Min(distinct, (b + 1) * Batch); i++)
                {
                    json.WriteStartObject();
                    json.WriteStartObject("labels");
                    json.WriteString("alertname", Rule(i));
                    json.WriteString("severity", i % 2 == 0 ? "critical" : "warning");
                    foreach (var (key, value) in Labels(i, run))
                    {
                        json.WriteString(key, value);
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("annotations");
                    json.WriteString("summary", "Storm alert");
                    json.WriteString("description", Message(i));
                    json.WriteEndObject();
                    json.WriteString("startsAt", startsAt);
                    json.WriteString("endsAt", endsAt);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            batches[b] = buffer.ToArray();
        }

        return batches;
    }

    private static string Rule(int i) => i % 2 == 0 ? "error_rate_critical" : "latency_warning";

    private static string Message(int i) => string.Create(CultureInfo.InvariantCulture, $"alert {i}");

    private static Dictionary<string, string> Labels(int i, string run) => new(StringComparer.Ordinal)
    {
        ["service"] = string.Create(CultureInfo.InvariantCulture, $"svc-{i % 997}"),
        ["category"] = string.Create(CultureInfo.InvariantCulture, $"cat-{i / 2}"),
        ["instance"] = string.Create(CultureInfo.InvariantCulture, $"i-{i}"),
        [RunLabel] = run,
    };
}
