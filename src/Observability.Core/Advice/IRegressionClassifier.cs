namespace Observability;

/// <summary>
/// Tells a benign change from a performance regression (the release) and an environment regression
/// (around the release). The built-in <see cref="RuleBasedRegressionClassifier"/> uses documented
/// rules; a trained model can take its place behind this interface, reading the features through
/// <see cref="RegressionFeatures.ToVector"/>.
/// </summary>
public interface IRegressionClassifier
{
    /// <summary>Classifies one feature vector. Pure: no I/O, the same answer for the same features.</summary>
    /// <param name="features">The deltas and rates of the release against its baseline.</param>
    /// <returns>The kind, a confidence in [0, 1], the contributing factors and a reason.</returns>
    RegressionClassification Classify(RegressionFeatures features);
}
