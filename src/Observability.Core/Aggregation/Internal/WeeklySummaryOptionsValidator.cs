namespace Observability.Internal;

/// <summary>Checks <see cref="WeeklySummaryOptions"/> and lists every problem in one exception.</summary>
internal static class WeeklySummaryOptionsValidator
{
    public static WeeklySummaryOptions Validate(WeeklySummaryOptions? options, string parameterName)
    {
        if (options is null)
        {
            return new WeeklySummaryOptions();
        }

        var problems = new List<string>();
        if (!double.IsFinite(options.AvailabilityTarget) || options.AvailabilityTarget is < 0 or > 1)
        {
            problems.Add(FormattableString.Invariant($"AvailabilityTarget must be a ratio in [0, 1] (was {options.AvailabilityTarget})."));
        }

        if (!double.IsFinite(options.DriftLimitPercent) || options.DriftLimitPercent < 0)
        {
            problems.Add(FormattableString.Invariant($"DriftLimitPercent must be a finite number of at least 0 (was {options.DriftLimitPercent})."));
        }

        if (options.DegradedDaysLimit < 1)
        {
            problems.Add(FormattableString.Invariant($"DegradedDaysLimit must be at least 1 (was {options.DegradedDaysLimit})."));
        }

        if (options.CriticalAlertLimit < 0)
        {
            problems.Add(FormattableString.Invariant($"CriticalAlertLimit must not be negative (was {options.CriticalAlertLimit})."));
        }

        var trends = options.Trends;
        TrendOptionsValidator.CheckBand(problems, "Trends:" + nameof(trends.FlatBandPercent), trends.FlatBandPercent);
        TrendOptionsValidator.CheckBand(problems, "Trends:" + nameof(trends.AvailabilityBandPoints), trends.AvailabilityBandPoints);
        TrendOptionsValidator.CheckBand(problems, "Trends:" + nameof(trends.LatencyBandMilliseconds), trends.LatencyBandMilliseconds);
        TrendOptionsValidator.CheckBand(problems, "Trends:" + nameof(trends.ResourceBandPercent), trends.ResourceBandPercent);
        OptionProblems.ThrowIfAny(problems, nameof(WeeklySummaryOptions), parameterName);
        return options;
    }
}
