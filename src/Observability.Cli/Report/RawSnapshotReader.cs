using System.Text.Json;
using Observability.Cli.Internal;

namespace Observability.Cli.Report;

/// <summary>
/// Reads the stability monitor's raw snapshots (<c>day_NN_raw/snapshot_*.json</c>: tick, timestamp, source,
/// quality, qualityReason, metrics) back into snapshots; a malformed file fails with its path and line.
/// </summary>
internal static class RawSnapshotReader
{
    public static IReadOnlyList<string> Find(string folder)
        => Directory.EnumerateFiles(folder, "snapshot_*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static async Task<MetricSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return Parse(document.RootElement, path);
            }
        }
        catch (JsonException e)
        {
            throw new UsageException($"'{path}' line {(e.LineNumber ?? 0) + 1}: not a raw snapshot: {Redact.OneLine(e.Message)}");
        }
    }

    private static MetricSnapshot Parse(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"'{path}': not a raw snapshot: the file holds a {root.ValueKind}, not an object.");
        }

        if (!root.TryGetProperty("timestamp", out var time) || !time.TryGetDateTimeOffset(out var timestamp))
        {
            throw new UsageException($"'{path}': not a raw snapshot: 'timestamp' is missing or not a date and time.");
        }

        var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "raw";
        var metrics = new List<KeyValuePair<string, double>>();
        if (root.TryGetProperty("metrics", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var metric in values.EnumerateObject())
            {
                if (metric.Value.ValueKind == JsonValueKind.Number)
                {
                    metrics.Add(new(metric.Name, metric.Value.GetDouble()));
                }
                else if (metric.Value.ValueKind != JsonValueKind.Null)
                {
                    throw new UsageException($"'{path}': metric '{metric.Name}' is a {metric.Value.ValueKind}, not a number.");
                }
            }
        }

        var reason = root.TryGetProperty("qualityReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var quality = (root.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : "complete") switch
        {
            "complete" => DataQuality.Complete,
            "partial" => DataQuality.Partial(reason ?? "partial"),
            "empty" => DataQuality.Empty(reason ?? "empty"),
            "failed" => DataQuality.Failed(reason ?? "failed"),
            var other => throw new UsageException($"'{path}': quality '{other}' is not one of complete, partial, empty, failed."),
        };
        return new MetricSnapshot(timestamp, source, metrics, quality);
    }
}
