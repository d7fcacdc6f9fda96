using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="CostAnomalyDetectorOptions"/> in one failure.</summary>
internal sealed class CostAnomalyDetectorOptionsValidator : IValidateOptions<CostAnomalyDetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CostAnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.WarningVariancePercent <= 0)
        {
            problems.Add($"CostAnomaly:WarningVariancePercent must be positive (was {options.WarningVariancePercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}); 25 means 25 %.");
        }

        if (options.CriticalVariancePercent <= options.WarningVariancePercent)
        {
            problems.Add($"CostAnomaly:CriticalVariancePercent ({options.CriticalVariancePercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}) must be above WarningVariancePercent ({options.WarningVariancePercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, for callers without a host.</summary>
    public static void ThrowIfInvalid(CostAnomalyDetectorOptions options, string paramName)
    {
        var result = new CostAnomalyDetectorOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid cost anomaly options: " + string.Join(" ", result.Failures), paramName);
        }
    }
}
