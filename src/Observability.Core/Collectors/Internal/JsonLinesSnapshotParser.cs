using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Reads JSON lines snapshot files: one object per line with a <c>timestamp</c>, optional <c>source</c>,
/// <c>quality</c> and <c>quality_reason</c>, and either a <c>metrics</c> object (a null value is a missing
/// metric) or, without one, numeric top-level properties as metrics (other properties are ignored).
/// </summary>
internal sealed class JsonLinesSnapshotParser(SnapshotFileContext context) : SnapshotLineParser(context)
{
    private const string Property = "property";
    private readonly List<KeyValuePair<string, double>> _metrics = [];
    private readonly List<string> _missing = [];

    public override SnapshotLineOutcome Parse(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Context.Reject($"the line is not valid JSON: {JsonSnapshotValues.Describe(e)}", Context.Location(lineNumber));
        }

        using (document)
        {
            return Read(document.RootElement, lineNumber);
        }
    }

    private SnapshotLineOutcome Read(JsonElement root, int lineNumber)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Context.Reject($"the line is {JsonSnapshotValues.Shorten(root)}, not a JSON object; expected one object per line", Context.Location(lineNumber));
        }

        JsonElement? timestampElement = null, source = null, quality = null, reason = null, metrics = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "TIMESTAMP": timestampElement = property.Value; break;
                case "SOURCE": source = property.Value; break;
                case "QUALITY": quality = property.Value; break;
                case "QUALITY_REASON": reason = property.Value; break;
                case "METRICS" when property.Value.ValueKind != JsonValueKind.Null: metrics = property.Value; break;
                default: break;
            }
        }

        if (timestampElement is not { } ts)
        {
            return Context.Reject("the line has no 'timestamp' property", Context.Location(lineNumber));
        }

        if (!JsonSnapshotValues.TryReadTimestamp(ts, out var timestamp, out var timestampError))
        {
            return Context.Reject(timestampError, Context.Location(lineNumber, Property, "timestamp"));
        }

        if (!Context.Window.Contains(timestamp))
        {
            return SnapshotLineOutcome.Skipped;
        }

        if (!JsonSnapshotValues.TryReadString(source, out var sourceText))
        {
            return NotAString(source, "source", lineNumber);
        }

        if (!JsonSnapshotValues.TryReadString(reason, out var reasonText))
        {
            return NotAString(reason, "quality_reason", lineNumber);
        }

        if (!JsonSnapshotValues.TryReadString(quality, out var qualityText))
        {
            return NotAString(quality, "quality", lineNumber);
        }

        DataQualityStatus? explicitQuality = null;

        if (!string.IsNullOrWhiteSpace(qualityText))
        {
            if (!SnapshotValueParser.TryParseQuality(qualityText, out var status))
            {
                return Context.Reject(
                    $"'{SnapshotValueParser.Shorten(qualityText)}' is not a quality; expected complete, partial, empty or failed",
                    Context.Location(lineNumber, Property, "quality"));
            }

            explicitQuality = status;
        }

        _metrics.Clear();
        _missing.Clear();
        if (metrics is { } nested)
        {
            if (ReadNested(nested, lineNumber) is { } rejected)
            {
                return rejected;
            }
        }
        else
        {
            ReadFlat(root);
        }

        var resolved = SnapshotValueParser.ResolveQuality(explicitQuality, reasonText, _missing, _metrics.Count, "no values in line");
        var snapshotSource = string.IsNullOrWhiteSpace(sourceText) ? Context.Source : sourceText.Trim();
        return SnapshotLineOutcome.Accepted(new MetricSnapshot(timestamp, snapshotSource, _metrics, resolved));
    }

    private SnapshotLineOutcome? ReadNested(JsonElement metrics, int lineNumber)
    {
        if (metrics.ValueKind != JsonValueKind.Object)
        {
            return Context.Reject("'metrics' must be an object of metric names to numbers", Context.Location(lineNumber, Property, "metrics"));
        }

        foreach (var metric in metrics.EnumerateObject())
        {
            var location = Context.Location(lineNumber, Property, $"metrics.{metric.Name}");
            if (string.IsNullOrWhiteSpace(metric.Name))
            {
                return Context.Reject("a metric has an empty name", location);
            }

            var value = metric.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    _missing.Add(metric.Name);
                    break;
                case JsonValueKind.Number when value.TryGetDouble(out var number):
                    _metrics.Add(new(metric.Name, number));
                    break;
                case JsonValueKind.String when SnapshotValueParser.TryParseMetric(value.GetString()!, out var parsed):
                    _metrics.Add(new(metric.Name, parsed));
                    break;
                default:
                    return Context.Reject($"{JsonSnapshotValues.Shorten(value)} is not a number (strings may hold NaN, +Inf, -Inf or a number)", location);
            }
        }

        return null;
    }

    private void ReadFlat(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (JsonSnapshotValues.IsReserved(property.Name) || string.IsNullOrWhiteSpace(property.Name))
            {
                continue;
            }

            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                _metrics.Add(new(property.Name, number));
            }
            else if (value.ValueKind == JsonValueKind.String && SnapshotValueParser.TryParseNonFinite(value.GetString().AsSpan().Trim(), out var nonFinite))
            {
                _metrics.Add(new(property.Name, nonFinite));
            }
        }
    }

    private SnapshotLineOutcome NotAString(JsonElement? element, string name, int lineNumber)
        => Context.Reject($"{(element is { } e ? JsonSnapshotValues.Shorten(e) : "the value")} is not a string", Context.Location(lineNumber, Property, name));
}
