namespace Observability;

/// <summary>
/// The one scale the z-score detectors share: which absolute z-score is which
/// <see cref="AnomalySeverity"/>, and how a z-score becomes an anomaly score in [0, 1].
/// </summary>
/// <remarks>
/// The score grows linearly with |z| and saturates: <c>score = min(|z| / 6, 1)</c>. So 0 is a sample
/// exactly at the mean, 1/3 the low threshold (|z| = 2), 0.5 the high threshold (|z| = 3), and 1 a
/// sample six or more standard deviations out (or any change from a perfectly constant history,
/// whose z-score is infinite). A linear map keeps scores comparable across detectors and cheap to
/// compute, and leaves room above the high threshold to rank the outliers among themselves.
/// </remarks>
public static class AnomalyScale
{
    /// <summary>The smallest |z| that is <see cref="AnomalySeverity.Low"/>: 2.0.</summary>
    public const double LowZScore = 2.0;

    /// <summary>The smallest |z| that is <see cref="AnomalySeverity.Medium"/>: 2.5.</summary>
    public const double MediumZScore = 2.5;

    /// <summary>The smallest |z| that is <see cref="AnomalySeverity.High"/>: 3.0.</summary>
    public const double HighZScore = 3.0;

    /// <summary>The |z| at and beyond which the anomaly score is 1: 6.0.</summary>
    public const double SaturationZScore = 6.0;

    /// <summary>Classifies a z-score by its absolute value; the thresholds are inclusive (|z| = 2.0 is low).</summary>
    /// <param name="zScore">The z-score; NaN is <see cref="AnomalySeverity.None"/>.</param>
    /// <returns>The severity.</returns>
    public static AnomalySeverity Classify(double zScore)
    {
        var magnitude = Math.Abs(zScore);
        return magnitude >= HighZScore ? AnomalySeverity.High
            : magnitude >= MediumZScore ? AnomalySeverity.Medium
            : magnitude >= LowZScore ? AnomalySeverity.Low
            : AnomalySeverity.None;
    }

    /// <summary>Maps a z-score to an anomaly score: <c>min(|z| / 6, 1)</c>.</summary>
    /// <param name="zScore">The z-score; NaN scores 0.</param>
    /// <returns>The score in [0, 1].</returns>
    public static double Score(double zScore) => double.IsNaN(zScore) ? 0 : Math.Min(Math.Abs(zScore) / SaturationZScore, 1);
}
