using System.Globalization;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Compares an actual cost with the expected one: variance = (actual - expected) / expected x 100.
/// A variance strictly above <see cref="CostAnomalyDetectorOptions.WarningVariancePercent"/> (default 25 %)
/// either way is a warning, strictly above <see cref="CostAnomalyDetectorOptions.CriticalVariancePercent"/>
/// (default 50 %) critical: exactly 25 % is as expected, exactly 50 % a warning. Spending far less than
/// expected counts too: a workload that stopped is as worth a look as one that ran away. This is the one
/// definition of cost variance; the Sentry provider's <c>ReleaseAlerts.CostAnomaly</c> asks it too.
/// </summary>
/// <remarks>
/// Costs are <see cref="decimal"/> so that the boundaries are exact (0.30 against 0.375 is 25 %, not
/// 25.000000000000004 %). An expected cost of 0 has no baseline: 0 actual is as expected, anything
/// more gives <see cref="AlertSeverity.Info"/> with no variance, for a person to judge. Negative costs
/// are rejected. Pure and thread-safe.
/// </remarks>
public sealed class CostAnomalyDetector
{
    private readonly decimal _warning;
    private readonly decimal _critical;

    /// <summary>Initializes a new instance of the <see cref="CostAnomalyDetector"/> class with the default thresholds (25 % and 50 %).</summary>
    public CostAnomalyDetector()
        : this(new CostAnomalyDetectorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CostAnomalyDetector"/> class.</summary>
    /// <param name="options">The thresholds; validated and copied.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public CostAnomalyDetector(CostAnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CostAnomalyDetectorOptionsValidator.ThrowIfInvalid(options, nameof(options));
        _warning = options.WarningVariancePercent;
        _critical = options.CriticalVariancePercent;
    }

    /// <summary>Judges one actual cost against the expected one.</summary>
    /// <param name="expected">The expected cost; not negative.</param>
    /// <param name="actual">The actual cost; not negative.</param>
    /// <returns>The variance, its severity and the reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative.</exception>
    public CostAnomaly Evaluate(decimal expected, decimal actual)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        if (expected == 0)
        {
            return actual == 0
                ? new CostAnomaly(expected, actual, 0m, null, "Actual cost 0 matches the expected 0.")
                : new CostAnomaly(expected, actual, null, AlertSeverity.Info, $"No baseline: the expected cost is 0, so the actual {Money(actual)} has no variance to judge; check whether a cost was expected.");
        }

        var variance = (actual - expected) / expected * 100m;
        var magnitude = Math.Abs(variance);
        var direction = variance >= 0 ? "above" : "below";
        var what = $"Actual cost {Money(actual)} is {Percent(magnitude)} {direction} the expected {Money(expected)}";
        if (magnitude > _critical)
        {
            return new CostAnomaly(expected, actual, variance, AlertSeverity.Critical, $"{what}, more than the critical {Percent(_critical)}.") { ThresholdPercent = _critical };
        }

        if (magnitude > _warning)
        {
            return new CostAnomaly(expected, actual, variance, AlertSeverity.Warning, $"{what}, more than the warning {Percent(_warning)}.") { ThresholdPercent = _warning };
        }

        return new CostAnomaly(expected, actual, variance, null, $"{what}, within the warning {Percent(_warning)}.");
    }

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
