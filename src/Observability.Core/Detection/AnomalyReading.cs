using Observability.Internal;

namespace Observability;

/// <summary>
/// What a z-score detector (<see cref="EwmaDetector"/>, <see cref="ZScoreDetector"/>) made of one
/// sample: the value, the mean and spread it was compared with (the history before the sample), its
/// z-score, severity and anomaly score.
/// </summary>
/// <remarks>
/// A plain value: returned by value, no allocation. While the detector warms up, and for an ignored
/// (NaN or infinite) sample, the z-score and score are 0 and the severity is none; see
/// <see cref="Status"/>.
/// </remarks>
public readonly record struct AnomalyReading
{
    /// <summary>Gets the sample's value.</summary>
    public double Value { get; init; }

    /// <summary>Gets the mean the value was compared with: the detector's mean before it learned this sample.</summary>
    public double Mean { get; init; }

    /// <summary>Gets the standard deviation the value was compared with, before the detector learned this sample.</summary>
    public double StandardDeviation { get; init; }

    /// <summary>
    /// Gets the z-score, (value - mean) / standard deviation. With a standard deviation of 0 (a
    /// perfectly constant history) it is 0 when the value equals the mean and positive or negative
    /// infinity when it differs.
    /// </summary>
    public double ZScore { get; init; }

    /// <summary>Gets the severity of the z-score (<see cref="AnomalyScale.Classify"/>).</summary>
    public AnomalySeverity Severity { get; init; }

    /// <summary>Gets the anomaly score in [0, 1] (<see cref="AnomalyScale.Score"/>: min(|z| / 6, 1)).</summary>
    public double Score { get; init; }

    /// <summary>Gets whether the sample was scored, only learned during warm-up, or ignored.</summary>
    public AnomalyReadingStatus Status { get; init; }

    /// <summary>Gets whether the sample is an anomaly of at least low severity.</summary>
    public bool IsAnomaly => Severity != AnomalySeverity.None;

    internal static AnomalyReading Scored(double value, double mean, double standardDeviation)
    {
        var z = DetectorMath.StandardScore(value, mean, standardDeviation);
        return new AnomalyReading
        {
            Value = value,
            Mean = mean,
            StandardDeviation = standardDeviation,
            ZScore = z,
            Severity = AnomalyScale.Classify(z),
            Score = AnomalyScale.Score(z),
            Status = AnomalyReadingStatus.Scored,
        };
    }

    internal static AnomalyReading Unscored(double value, double mean, double standardDeviation, AnomalyReadingStatus status)
        => new() { Value = value, Mean = mean, StandardDeviation = standardDeviation, Status = status };
}
