namespace Observability.Internal;

/// <summary>Checks <see cref="DailyAggregationOptions"/> and lists every problem in one exception.</summary>
internal static class DailyAggregationOptionsValidator
{
    public static DailyAggregationOptions Validate(DailyAggregationOptions? options, string parameterName)
    {
        if (options is null)
        {
            return new DailyAggregationOptions();
        }

        var problems = new List<string>();
        CheckRatio(problems, nameof(options.AvailabilityTarget), options.AvailabilityTarget);
        CheckRatio(problems, nameof(options.DegradedComplianceThreshold), options.DegradedComplianceThreshold);
        CheckRatio(problems, nameof(options.ErrorRateThreshold), options.ErrorRateThreshold);
        if (options.LatencyP99Target <= TimeSpan.Zero)
        {
            problems.Add($"LatencyP99Target must be positive (was {options.LatencyP99Target}).");
        }

        if (options.ExpectedInterval < TimeSpan.FromSeconds(1) || options.ExpectedInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"ExpectedInterval must lie between 1 second and 1 day (was {options.ExpectedInterval}).");
        }

        if (!double.IsFinite(options.DriftThresholdPercent) || options.DriftThresholdPercent < 0)
        {
            problems.Add(FormattableString.Invariant($"DriftThresholdPercent must be a finite number of at least 0 (was {options.DriftThresholdPercent})."));
        }

        foreach (var (metric, value) in options.Baseline)
        {
            if (string.IsNullOrWhiteSpace(metric))
            {
                problems.Add("Baseline has an empty metric name.");
            }
            else if (!double.IsFinite(value) || value <= 0)
            {
                problems.Add(FormattableString.Invariant($"Baseline['{metric}'] must be a finite number above 0, since drift is relative to it (was {value})."));
            }
        }

        OptionProblems.ThrowIfAny(problems, nameof(DailyAggregationOptions), parameterName);
        return options;
    }

    private static void CheckRatio(List<string> problems, string name, double value)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1)
        {
            problems.Add(FormattableString.Invariant($"{name} must be a ratio in [0, 1] (was {value})."));
        }
    }
}
