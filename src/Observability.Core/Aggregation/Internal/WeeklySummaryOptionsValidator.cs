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
        ThresholdValidation.Check(options.Thresholds, "Thresholds:", problems);
        OptionProblems.ThrowIfAny(problems, nameof(WeeklySummaryOptions), parameterName);
        return options;
    }
}
