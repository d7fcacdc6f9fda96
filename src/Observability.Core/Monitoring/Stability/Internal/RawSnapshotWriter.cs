using System.Globalization;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>Writes one collected snapshot as JSON, atomically: the tick, the snapshot's time, source, quality and values.</summary>
internal static class RawSnapshotWriter
{
    public static string FileName(DateTimeOffset tick)
        => string.Create(CultureInfo.InvariantCulture, $"snapshot_{tick.UtcDateTime:yyyy-MM-dd_HH-mm-ss}.json");

    public static Task WriteAsync(string path, DateTimeOffset tick, MetricSnapshot snapshot, CancellationToken cancellationToken)
        => AtomicFile.WriteAsync(path, (stream, ct) => WriteAsync(stream, tick, snapshot, ct), cancellationToken);

    private static async Task WriteAsync(Stream stream, DateTimeOffset tick, MetricSnapshot snapshot, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("tick", tick.ToUniversalTime());
            writer.WriteString("timestamp", snapshot.Timestamp.ToUniversalTime());
            writer.WriteString("source", snapshot.Source);
            writer.WriteString("quality", JsonNamingPolicy.SnakeCaseLower.ConvertName(snapshot.Quality.Status.ToString()));
            if (snapshot.Quality.Reason is { } reason)
            {
                writer.WriteString("qualityReason", reason);
            }

            writer.WriteStartObject("metrics");
            foreach (var (name, value) in snapshot.Metrics.OrderBy(static m => m.Key, StringComparer.Ordinal))
            {
                if (double.IsFinite(value))
                {
                    writer.WriteNumber(name, value);
                }
                else
                {
                    writer.WriteNull(name);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
