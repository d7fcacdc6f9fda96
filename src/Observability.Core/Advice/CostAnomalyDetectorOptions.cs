namespace Observability;

/// <summary>Thresholds of the <see cref="CostAnomalyDetector"/>, as percentages of the expected cost.</summary>
public sealed class CostAnomalyDetectorOptions
{
    /// <summary>Gets or sets the variance, in percent either way, above which a cost is a warning. Default: 25; exactly 25 % is not above.</summary>
    public decimal WarningVariancePercent { get; set; } = 25m;

    /// <summary>Gets or sets the variance, in percent either way, above which a cost is critical. Default: 50; exactly 50 % is not above.</summary>
    public decimal CriticalVariancePercent { get; set; } = 50m;
}
