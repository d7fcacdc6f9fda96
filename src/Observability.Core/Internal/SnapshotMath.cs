namespace Observability.Internal;

/// <summary>Derived values of a snapshot, used the same way by the classifier and the scorers.</summary>
internal static class SnapshotMath
{
    /// <summary>Jobs if the snapshot counts them, otherwise requests; null when neither.</summary>
    public static double? Volume(MetricSnapshot snapshot)
        => snapshot.GetValue(WellKnownMetrics.JobCount) ?? snapshot.GetValue(WellKnownMetrics.RequestCount);

    /// <summary>The error rate: the metric itself, else errors / volume, else 1 - availability.</summary>
    public static double? ErrorRate(MetricSnapshot snapshot)
    {
        if (snapshot.GetValue(WellKnownMetrics.ErrorRate) is { } rate)
        {
            return rate;
        }

        if (snapshot.GetValue(WellKnownMetrics.ErrorCount) is { } errors && Volume(snapshot) is { } volume && volume > 0)
        {
            return errors / volume;
        }

        return snapshot.GetValue(WellKnownMetrics.Availability) is { } availability ? 1 - availability : null;
    }

    /// <summary>The availability: the metric itself, else 1 - error rate.</summary>
    public static double? Availability(MetricSnapshot snapshot)
        => snapshot.GetValue(WellKnownMetrics.Availability) ?? (snapshot.GetValue(WellKnownMetrics.ErrorRate) is { } rate ? 1 - rate : null);

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
