namespace Observability.Internal;

/// <summary>Derived values of a snapshot, used the same way by the classifier and the scorers.</summary>
internal static class SnapshotMath
{
    /// <summary>The error rate's own denominator: requests when the snapshot counts them, else jobs; null when neither.</summary>
    public static double? Volume(MetricSnapshot snapshot)
        => snapshot.GetValue(WellKnownMetrics.RequestCount) ?? snapshot.GetValue(WellKnownMetrics.JobCount);

    /// <summary>The availability as <see cref="SnapshotMeasures"/> derives it.</summary>
    public static double? Availability(MetricSnapshot snapshot) => SnapshotMeasures.Of(snapshot).Availability;

    /// <summary>Tells whether every metric of the snapshot is zero (a source that went quiet).</summary>
    public static bool AllZero(MetricSnapshot snapshot)
    {
        if (snapshot.Metrics.Count == 0)
        {
            return true;
        }

        if (snapshot.Metrics is Dictionary<string, double> metrics)
        {
            foreach (var value in metrics.Values)
            {
                if (value != 0)
                {
                    return false;
                }
            }

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

    /// <summary>Formats a ratio as a percentage for messages (<see cref="Figures.Percent"/>).</summary>
    public static string Percent(double ratio) => Figures.Percent(ratio);

    /// <summary>Formats a number for messages (<see cref="Figures.Number"/>).</summary>
    public static string Number(double value, string format = "0.#") => Figures.Number(value, format);
}
