namespace Observability.Internal;

/// <summary>Checks <see cref="TrendOptions"/> and lists every problem in one exception.</summary>
internal static class TrendOptionsValidator
{
    public static TrendOptions Validate(TrendOptions? options, string parameterName)
    {
        if (options is null)
        {
            return new TrendOptions();
        }

        var problems = new List<string>();
        CheckBand(problems, nameof(TrendOptions.FlatBandPercent), options.FlatBandPercent);
        CheckBand(problems, nameof(TrendOptions.AvailabilityBandPoints), options.AvailabilityBandPoints);
        CheckBand(problems, nameof(TrendOptions.LatencyBandMilliseconds), options.LatencyBandMilliseconds);
        CheckBand(problems, nameof(TrendOptions.ResourceBandPercent), options.ResourceBandPercent);
        OptionProblems.ThrowIfAny(problems, nameof(TrendOptions), parameterName);
        return options;
    }

    public static void CheckBand(List<string> problems, string name, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            problems.Add(FormattableString.Invariant($"{name} must be a finite number of at least 0 (was {value})."));
        }
    }
}
