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
        ThresholdValidation.Check(options.Thresholds, "Thresholds:", problems);
        if (options.ExpectedInterval < TimeSpan.FromSeconds(1) || options.ExpectedInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"ExpectedInterval must lie between 1 second and 1 day (was {options.ExpectedInterval}).");
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
}
