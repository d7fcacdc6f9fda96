namespace Observability.Internal;

/// <summary>
/// The thresholds, judged in one place: a snapshot's and a window's error rate, availability and
/// p99 latency against <see cref="ThresholdOptions"/>. The classifier, the pass, the daily
/// aggregation, the stability monitor and the scores all ask here.
/// </summary>
internal static class Judge
{
    /// <summary>Whether a volume is enough to judge a rate: more than <see cref="ThresholdOptions.MinimumJobs"/>, or unknown.</summary>
    public static bool EnoughVolume(double? volume, ThresholdOptions t) => volume is not { } v || v > t.MinimumJobs;

    public static ErrorRateLevel ErrorRate(double? rate, double? volume, ThresholdOptions t)
    {
        if (rate is not { } r)
        {
            return ErrorRateLevel.NotMeasured;
        }

        if (!EnoughVolume(volume, t))
        {
            return ErrorRateLevel.LowVolume;
        }

        return r > t.ErrorRateCritical ? ErrorRateLevel.Critical
            : r >= t.ErrorRateWarning ? ErrorRateLevel.Warning
            : ErrorRateLevel.Normal;
    }

    /// <summary>Availability against its target; unknown without a value or with too little volume to be evidence.</summary>
    public static SloOutcome Availability(double? availability, double? volume, ThresholdOptions t)
        => availability is not { } a || !EnoughVolume(volume, t) ? SloOutcome.Unknown
            : a >= t.AvailabilityTarget ? SloOutcome.Good
            : SloOutcome.Bad;

    /// <summary>p99 latency against its target (strictly under it is good); unknown without a value.</summary>
    public static SloOutcome Latency(double? p99, ThresholdOptions t)
        => p99 is not { } p ? SloOutcome.Unknown
            : p < t.LatencyP99Target.TotalMilliseconds ? SloOutcome.Good
            : SloOutcome.Bad;
}
