using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// The values a well-known metric (see <see cref="WellKnownMetrics"/>) can take: ratios are finite and in [0, 1];
/// counts, latencies and ages are finite and not negative. Other metrics take any number, NaN and the infinities
/// written out included. A regional name (<c>error_rate@eu-west-1</c>) follows its metric's rule.
/// </summary>
internal static class MetricValueRules
{
    private enum Kind
    {
        Any,
        Ratio,
        NonNegative,
        Finite,
    }

    public static bool IsWellKnown(string metric) => KindOf(metric) != Kind.Any;

    /// <summary>Why <paramref name="value"/> is impossible for <paramref name="metric"/>, or <see langword="null"/> when it is possible.</summary>
    public static string? Check(string metric, double value)
    {
        var kind = KindOf(metric);
        if (kind == Kind.Any)
        {
            return null;
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            return $"{text} is not a finite number; {metric} needs one";
        }

        return kind switch
        {
            Kind.Ratio when value is < 0 or > 1 => $"{text} is not a ratio in [0, 1]; {metric} is a fraction (0.05 is 5 %)",
            Kind.NonNegative when value < 0 => $"{text} is negative; {metric} cannot be",
            _ => null,
        };
    }

    private static Kind KindOf(string metric)
    {
        var name = WellKnownMetrics.TryParseRegional(metric, out var baseName, out _) ? baseName : metric;
        return name switch
        {
            WellKnownMetrics.Availability or WellKnownMetrics.ErrorRate or WellKnownMetrics.CpuUtilization or WellKnownMetrics.MemoryUtilization => Kind.Ratio,
            WellKnownMetrics.RequestCount or WellKnownMetrics.JobCount or WellKnownMetrics.ErrorCount or WellKnownMetrics.ConnectivityFailures
                or WellKnownMetrics.QueueBacklog or WellKnownMetrics.LatencyP95 or WellKnownMetrics.LatencyP99 or WellKnownMetrics.DeploymentAgeSeconds => Kind.NonNegative,
            WellKnownMetrics.ConfigChanged => Kind.Finite,
            _ => Kind.Any,
        };
    }
}
