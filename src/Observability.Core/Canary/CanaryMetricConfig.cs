namespace Observability;

/// <summary>
/// How one metric is compared between canary and baseline: its group, which direction of change
/// is bad, whether it is critical, and how large a significant change must be to count.
/// A plain options class, bindable from configuration.
/// </summary>
internal sealed class CanaryMetricConfig
{
    /// <summary>The group a metric belongs to when none is set.</summary>
    public const string DefaultGroup = "default";

    /// <summary>Gets or sets the metric's name, the key of its samples. Required, unique.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the group whose weight the metric shares. Default: <see cref="DefaultGroup"/>.</summary>
    public string Group { get; set; } = DefaultGroup;

    /// <summary>Gets or sets which change counts against the canary. Default: <see cref="CanaryDirection.Either"/>.</summary>
    public CanaryDirection Direction { get; set; } = CanaryDirection.Either;

    /// <summary>
    /// Gets or sets a value indicating whether the metric is critical: if it fails, the whole
    /// analysis fails with score 0 whatever the other metrics say. Default: false.
    /// </summary>
    public bool Critical { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether missing data counts as a failure of this metric
    /// (scored as failed; with <see cref="Critical"/> it fails the analysis). Default: false, so a
    /// metric without data is left out of the score.
    /// </summary>
    public bool MustHaveData { get; set; }

    /// <summary>
    /// Gets or sets the effect-size tolerance upwards: a significant increase counts as
    /// <see cref="CanaryClassification.High"/> only when canary mean / baseline mean exceeds it.
    /// At least 1. Default: 1.0 (every significant increase counts), as Kayenta's <c>allowedIncrease</c>.
    /// </summary>
    public double AllowedIncrease { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets the effect-size tolerance downwards: a significant decrease counts as
    /// <see cref="CanaryClassification.Low"/> only when canary mean / baseline mean is below it.
    /// In [0, 1]. Default: 1.0 (every significant decrease counts), as Kayenta's <c>allowedDecrease</c>.
    /// </summary>
    public double AllowedDecrease { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets how many usable (finite) samples each side needs; with fewer the metric is
    /// <see cref="CanaryClassification.NoData"/>. At least 1. Default: 5.
    /// </summary>
    /// <remarks>
    /// Five is the smallest equal sample size at which the test can flag anything at the default
    /// confidence of 0.98: the smallest two-sided p-value with n per side is 2 / C(2n, n), which is
    /// 2 / 70 = 0.029 for 4 vs 4 (never below 0.02) and 2 / 252 = 0.0079 for 5 vs 5. Whatever this
    /// value, sizes whose smallest attainable p-value is not below 1 - confidence are NoData too, so
    /// a "pass" is never just a test that could not have failed.
    /// </remarks>
    public int MinimumSamples { get; set; } = 5;

    /// <summary>Gets or sets the unit shown after values in reasons, for example <c>ms</c>. Optional.</summary>
    public string? Unit { get; set; }
}
