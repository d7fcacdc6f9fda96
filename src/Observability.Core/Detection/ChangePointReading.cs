namespace Observability;

/// <summary>
/// What a change-point detector (<see cref="CusumDetector"/>, <see cref="PageHinkleyDetector"/>) made
/// of one sample: the two one-sided statistics after it, and whether they crossed the threshold.
/// </summary>
public readonly record struct ChangePointReading
{
    /// <summary>Gets the sample's zero-based position among every sample fed since construction or the last reset (ignored ones included).</summary>
    public long Index { get; init; }

    /// <summary>Gets the sample's timestamp.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the sample's value.</summary>
    public double Value { get; init; }

    /// <summary>
    /// Gets the upward statistic after this sample, in reference standard deviations (it grows while
    /// samples sit above the reference by more than the drift allowance). At a detection it is the
    /// value that crossed the threshold; the detector then starts again from 0.
    /// </summary>
    public double UpperStatistic { get; init; }

    /// <summary>Gets the downward statistic after this sample, the mirror of <see cref="UpperStatistic"/>.</summary>
    public double LowerStatistic { get; init; }

    /// <summary>Gets the direction of the change detected at this sample, or <see cref="ChangeDirection.None"/>.</summary>
    public ChangeDirection Direction { get; init; }

    /// <summary>Gets whether a change was detected at this sample.</summary>
    public bool IsChange => Direction != ChangeDirection.None;

    /// <summary>Gets the anomaly score in [0, 1]: the larger statistic divided by the threshold, capped at 1 (1 from the threshold on, so at every detection; 0 while warming up or ignored).</summary>
    public double Score { get; init; }

    /// <summary>Gets whether the sample was scored, only learned during warm-up, or ignored.</summary>
    public AnomalyReadingStatus Status { get; init; }
}
