namespace Observability.Internal;

/// <summary>Derived values of a snapshot, used the same way by the classifier and the scorers.</summary>
internal static class SnapshotMath
{
    /// <summary>Jobs if the snapshot counts them, otherwise requests; null when neither.</summary>
    public static double? Volume(MetricSnapshot snapshot)
        => snapshot.GetValue(WellKnownMetrics.JobCount) ?? snapshot.GetValue(WellKnownMetrics.RequestCount);

    /// <summary>The error rate: the metric itself, else errors / volume, else 1 - availability.</summary>
    public static double? ErrorRate(MetricSnapshot snapshot)
        => ErrorRate(
            snapshot.GetValue(WellKnownMetrics.ErrorRate),
            snapshot.GetValue(WellKnownMetrics.ErrorCount),
            Volume(snapshot),
            snapshot.GetValue(WellKnownMetrics.Availability));

    /// <summary>
    /// The error rate from values already read: the rate itself, else errors / volume, else
    /// 1 - availability (the same rule as <see cref="ErrorRate(MetricSnapshot)"/>, for callers that
    /// read each metric once).
    /// </summary>
    public static double? ErrorRate(double? rate, double? errors, double? volume, double? availability)
    {
        if (rate is { } r)
        {
            return r;
        }

        if (errors is { } e && volume is { } v && v > 0)
        {
            return e / v;
        }

        return availability is { } a ? 1 - a : null;
    }

    /// <summary>The availability: the metric itself, else 1 - error rate.</summary>
    public static double? Availability(MetricSnapshot snapshot)
        => Availability(snapshot.GetValue(WellKnownMetrics.Availability), snapshot.GetValue(WellKnownMetrics.ErrorRate));

    /// <summary>The availability from values already read: the metric itself, else 1 - the error rate metric.</summary>
    public static double? Availability(double? availability, double? rate)
        => availability ?? (rate is { } r ? 1 - r : null);

    /// <summary>Tells whether every metric of the snapshot is zero (a source that went quiet).</summary>
    public static bool AllZero(MetricSnapshot snapshot)
    {
        if (snapshot.Metrics.Count == 0)
        {
            return true;
        }

        foreach (var value in snapshot.Metrics.Values)
        {
            if (value != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats a ratio as a percentage for messages.</summary>
    public static string Percent(double ratio) => (ratio * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " %";

    /// <summary>Formats a number for messages.</summary>
    public static string Number(double value, string format = "0.#") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
