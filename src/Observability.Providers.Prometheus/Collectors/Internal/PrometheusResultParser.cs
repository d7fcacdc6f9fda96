using System.Globalization;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Parses the <c>data</c> of a successful answer for each result type: vector, matrix, scalar and string. Values are strings,
/// including <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c>; timestamps are numbers of seconds. Throws <see cref="FormatException"/>
/// with the place that is wrong.
/// </summary>
internal static class PrometheusResultParser
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>(0, StringComparer.Ordinal);

    public static PrometheusQueryResult Parse(PrometheusEnvelope envelope)
    {
        var data = envelope.Data ?? throw new FormatException("the answer has no 'data'");
        var type = data.ResultType ?? throw new FormatException("the answer's data has no 'resultType'");
        var result = data.Result;
        var warnings = (IReadOnlyList<string>?)envelope.Warnings ?? [];
        IReadOnlyList<PrometheusSeries> series = type switch
        {
            "vector" => ParseSeriesList(result, "value", single: true),
            "matrix" => ParseSeriesList(result, "values", single: false),
            "scalar" or "string" => [new PrometheusSeries(NoLabels, [ParseSample(result, "result")])],
            _ => throw new FormatException($"unknown resultType '{type}'"),
        };
        return new PrometheusQueryResult(type, series, warnings);
    }

    /// <summary>Parses a sample value: a decimal number, <c>NaN</c>, <c>+Inf</c>, <c>Inf</c> or <c>-Inf</c>.</summary>
    public static bool TryParseValue(string? text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }
    }

    private static PrometheusSeries[] ParseSeriesList(JsonElement result, string samplesProperty, bool single)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'result' is {result.ValueKind}, expected an array of series");
        }

        var list = new PrometheusSeries[result.GetArrayLength()];
        var index = 0;
        foreach (var item in result.EnumerateArray())
        {
            var where = $"result[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where} is {item.ValueKind}, expected a series object");
            }

            var labels = ParseLabels(item, where);
            if (!item.TryGetProperty(samplesProperty, out var samples))
            {
                // A native histogram series carries 'histogram(s)' instead; it has no float samples to read.
                list[index++] = new PrometheusSeries(labels, []);
                continue;
            }

            if (single)
            {
                list[index++] = new PrometheusSeries(labels, [ParseSample(samples, $"{where}.{samplesProperty}")]);
                continue;
            }

            if (samples.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{where}.{samplesProperty} is {samples.ValueKind}, expected an array");
            }

            var points = new PrometheusSample[samples.GetArrayLength()];
            var i = 0;
            foreach (var sample in samples.EnumerateArray())
            {
                points[i] = ParseSample(sample, $"{where}.{samplesProperty}[{i}]");
                i++;
            }

            list[index++] = new PrometheusSeries(labels, points);
        }

        return list;
    }

    private static Dictionary<string, string> ParseLabels(JsonElement series, string where)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("metric", out var metric))
        {
            if (metric.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}.metric is {metric.ValueKind}, expected an object");
            }

            foreach (var label in metric.EnumerateObject())
            {
                labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString()! : label.Value.GetRawText();
            }
        }

        return labels;
    }

    private static PrometheusSample ParseSample(JsonElement pair, string where)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
        {
            throw new FormatException($"{where} is not a [timestamp, \"value\"] pair");
        }

        var time = pair[0];
        if (time.ValueKind != JsonValueKind.Number || !time.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
        {
            throw new FormatException($"{where} has a timestamp that is not a number of seconds ({time.GetRawText()})");
        }

        var text = pair[1];
        if (text.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where} has a value that is not a string ({text.GetRawText()})");
        }

        var raw = text.GetString();
        if (!TryParseValue(raw, out var value))
        {
            throw new FormatException($"{where} has the value '{Shorten(raw)}', which is not a number");
        }

        var milliseconds = (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new FormatException($"{where} has the timestamp {seconds.ToString(CultureInfo.InvariantCulture)}, out of range");
        }

        return new PrometheusSample(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), value);
    }

    private static string Shorten(string? text)
        => text is null ? string.Empty : text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
