namespace Observability;

/// <summary>
/// Settings of <see cref="DefaultAnomalyDetector"/>. Every window is a count of samples, not a duration, so the same
/// settings suit a series sampled every second or every hour. The defaults were chosen on the Numenta Anomaly
/// Benchmark and suit series of a few hundred to tens of thousands of samples.
/// </summary>
public sealed class DefaultAnomalyDetectorOptions
{
    /// <summary>The largest <see cref="AverageWindow"/> accepted (the detector keeps that many recent scores).</summary>
    public const int MaxAverageWindow = 1024;

    /// <summary>Gets or sets the horizon, in samples, of the exponentially weighted mean and spread that a value is compared with. Default 1000.</summary>
    public int BaselineWindow { get; set; } = 1000;

    /// <summary>Gets or sets how many recent raw scores are averaged before the average is compared with its own history. Default 10.</summary>
    public int AverageWindow { get; set; } = 10;

    /// <summary>Gets or sets the horizon, in samples, of the history of averaged raw scores (the "anomaly likelihood" stage). Default 500.</summary>
    public int LikelihoodWindow { get; set; } = 500;

    /// <summary>Gets or sets how many samples the detector only learns from; they all score 0. Default 100.</summary>
    public int WarmUp { get; set; } = 100;

    /// <summary>
    /// Gets or sets how long, in samples, a reported score suppresses later ones: for this many samples only a higher score
    /// gets through (others score 0), then the bar decays with the same time constant. Default 100; 0 turns suppression off.
    /// </summary>
    public int SuppressionWindow { get; set; } = 100;

    /// <summary>
    /// Gets or sets how far, as a share of the range of every value seen so far, a value must fall outside that range to
    /// count as out of range (scored near 1). Default 0.05 (Numenta's spatial tolerance); 0 turns the check off.
    /// </summary>
    public double RangeTolerance { get; set; } = 0.05;

    /// <summary>
    /// Gets or sets the surprise, in decimal digits of tail probability, that maps to a score of 0.5: a surprise s scores
    /// s / (s + this). Default 4 (a tail probability of 1e-4 scores 0.5).
    /// </summary>
    public double HalfScoreSurprise { get; set; } = 4;
}
