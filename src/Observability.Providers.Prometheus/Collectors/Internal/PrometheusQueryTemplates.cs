using System.Globalization;
using System.Text;

namespace Observability.Internal;

/// <summary>The preset queries, the placeholders and the choice of step.</summary>
internal static class PrometheusQueryTemplates
{
    /// <summary>Prometheus refuses a range query with more points per series.</summary>
    public const int MaxPoints = 11_000;

    /// <summary>The queries of a preset, by the metric they fill; placeholders are left for <see cref="Render"/>.</summary>
    public static IReadOnlyList<(string Name, string Expression)> Preset(PrometheusPreset preset) => preset switch
    {
        PrometheusPreset.OpenTelemetry => Build("http_server_request_duration_seconds", "http_response_status_code"),
        PrometheusPreset.PrometheusNet => Build("http_request_duration_seconds", "code"),
        _ => [],
    };

    /// <summary>Fills the placeholders of an expression.</summary>
    public static string Render(string expression, string service, string serviceLabel, TimeSpan window, TimeSpan step)
        => new StringBuilder(expression)
            .Replace("{service}", EscapeString(service))
            .Replace("{service_label}", serviceLabel)
            .Replace("{window}", Duration(window))
            .Replace("{step}", Duration(step))
            .ToString();

    /// <summary>A PromQL duration: whole seconds as <c>300s</c>, else milliseconds.</summary>
    public static string Duration(TimeSpan value)
    {
        var milliseconds = (long)Math.Ceiling(value.TotalMilliseconds);
        return milliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000}s")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds}ms");
    }

    /// <summary>
    /// The step of a range query over <paramref name="length"/>: the configured one, or the shortest whole number of seconds
    /// that keeps the points (one per step) at or under <see cref="MaxPoints"/>.
    /// </summary>
    public static TimeSpan ChooseStep(TimeSpan length, TimeSpan configured)
    {
        if (length <= configured)
        {
            return length;
        }

        if (length.Ticks / configured.Ticks <= MaxPoints)
        {
            return configured;
        }

        var seconds = (long)Math.Ceiling(length.TotalSeconds / MaxPoints);
        var step = TimeSpan.FromSeconds(seconds);
        return length.Ticks / step.Ticks <= MaxPoints ? step : TimeSpan.FromSeconds(seconds + 1);
    }

    /// <summary>Escapes a value for a double-quoted PromQL string.</summary>
    public static string EscapeString(string value)
        => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static (string Name, string Expression)[] Build(string histogram, string statusLabel)
    {
        var selector = "{{service_label}=\"{service}\"}";
        var errors = $"{{{{service_label}}=\"{{service}}\",{statusLabel}=~\"5..\"}}";
        var total = $"sum(rate({histogram}_count{selector}[{{window}}]))";
        var errorRate = $"((sum(rate({histogram}_count{errors}[{{window}}])) or vector(0)) / {total})";
        return
        [
            (WellKnownMetrics.RequestCount, $"sum(increase({histogram}_count{selector}[{{step}}]))"),
            (WellKnownMetrics.ErrorRate, errorRate),
            (WellKnownMetrics.Availability, $"1 - {errorRate}"),
            (PrometheusCollectorOptions.LatencyP50, Quantile("0.5", histogram, selector)),
            (WellKnownMetrics.LatencyP95, Quantile("0.95", histogram, selector)),
            (WellKnownMetrics.LatencyP99, Quantile("0.99", histogram, selector)),
        ];
    }

    private static string Quantile(string quantile, string histogram, string selector)
        => $"histogram_quantile({quantile}, sum by (le) (rate({histogram}_bucket{selector}[{{window}}]))) * 1000";
}
