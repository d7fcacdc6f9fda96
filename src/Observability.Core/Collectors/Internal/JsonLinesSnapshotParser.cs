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
            try
            {
                return Read(document.RootElement, lineNumber);
            }
            catch (InvalidOperationException)
            {
                // A text value this parser does not name escapes a lone surrogate: reject the line, never the file.
                return Context.Reject(JsonSnapshotValues.LoneSurrogate, Context.Location(lineNumber));
            }
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
            if (!JsonSnapshotValues.TryGetName(property, out var name))
            {
                return Context.Reject($"a property name: {JsonSnapshotValues.LoneSurrogate}", Context.Location(lineNumber));
            }

            switch (name.ToUpperInvariant())
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
        else if (ReadFlat(root, lineNumber) is { } rejected)
        {
            return rejected;
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
            if (!JsonSnapshotValues.TryGetName(metric, out var name))
            {
                return Context.Reject($"a metric name: {JsonSnapshotValues.LoneSurrogate}", Context.Location(lineNumber));
            }

            var location = Context.Location(lineNumber, Property, $"metrics.{name}");
            if (string.IsNullOrWhiteSpace(name))
            {
                return Context.Reject("a metric has an empty name", location);
            }

            if (metric.Value.ValueKind == JsonValueKind.Null)
            {
                _missing.Add(name);
                continue;
            }

            if (ReadValue(name, metric.Value, out var value) is { } problem)
            {
                return Context.Reject(problem, location);
            }

            _metrics.Add(new(name, value));
        }

        return null;
    }

    /// <summary>
    /// Reads the numeric top-level properties, and strings that hold a number, as metrics: the same values the
    /// nested form reads. A well-known metric (see <see cref="WellKnownMetrics"/>) with any other value rejects the
    /// line, as in the nested form; other properties that are no number (a version, a flag) are not metrics and are ignored.
    /// </summary>
    private SnapshotLineOutcome? ReadFlat(JsonElement root, int lineNumber)
    {
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (JsonSnapshotValues.IsReserved(name) || string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var element = property.Value;
            var isMetric = element.ValueKind == JsonValueKind.Number
                || MetricValueRules.IsWellKnown(name)
                || (element.ValueKind == JsonValueKind.String && JsonSnapshotValues.TryGetString(element, out var text) && SnapshotValueParser.LooksNumeric(text));
            if (element.ValueKind == JsonValueKind.Null && isMetric)
            {
                _missing.Add(name); // as in the nested form
                continue;
            }

            if (!isMetric)
            {
                if (element.ValueKind == JsonValueKind.String && !JsonSnapshotValues.TryGetString(element, out _))
                {
                    return Context.Reject(JsonSnapshotValues.LoneSurrogate, Context.Location(lineNumber, Property, name));
                }

                continue;
            }

            if (ReadValue(name, element, out var value) is { } problem)
            {
                return Context.Reject(problem, Context.Location(lineNumber, Property, name));
            }

            _metrics.Add(new(name, value));
        }

        return null;
    }

    /// <summary>Reads one metric value, a number or a string holding one, and checks that it is possible; the problem, or null.</summary>
    private static string? ReadValue(string name, JsonElement element, out double value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number when element.TryGetDouble(out value) && double.IsFinite(value):
                return MetricValueRules.Check(name, value);
            case JsonValueKind.Number:
                return SnapshotValueParser.OutOfRange(element.GetRawText());
            case JsonValueKind.String:
                return JsonSnapshotValues.TryGetString(element, out var text)
                    ? SnapshotValueParser.TryParseMetric(name, text, out value)
                    : JsonSnapshotValues.LoneSurrogate;
            default:
                return $"{SnapshotValueParser.Quote(element.GetRawText(), name)} is not a number (strings may hold NaN, +Inf, -Inf or a number)";
        }
    }

    private SnapshotLineOutcome NotAString(JsonElement? element, string name, int lineNumber)
        => Context.Reject(
            element is { ValueKind: JsonValueKind.String } ? JsonSnapshotValues.LoneSurrogate : $"{(element is { } e ? JsonSnapshotValues.Shorten(e) : "the value")} is not a string",
            Context.Location(lineNumber, Property, name));
}
