using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="CanaryAnalysisOptions"/> in one failure.</summary>
internal sealed class CanaryAnalysisOptionsValidator : IValidateOptions<CanaryAnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, CanaryAnalysisOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(CanaryAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!(options.Confidence is > 0 and < 1))
        {
            problems.Add($"Confidence must lie strictly between 0 and 1 (was {options.Confidence}).");
        }

        if (!(options.PassThreshold is >= 0 and <= 100))
        {
            problems.Add($"PassThreshold must lie in [0, 100] (was {options.PassThreshold}).");
        }

        if (!(options.MarginalThreshold >= 0 && options.MarginalThreshold <= options.PassThreshold))
        {
            problems.Add($"MarginalThreshold must lie in [0, PassThreshold] (was {options.MarginalThreshold}, PassThreshold {options.PassThreshold}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Metrics.Count; i++)
        {
            var metric = options.Metrics[i];
            if (metric is null)
            {
                problems.Add($"Metrics[{i}] is null.");
                continue;
            }

            var at = $"Metrics[{i}] ({metric.Name})";
            if (string.IsNullOrWhiteSpace(metric.Name))
            {
                problems.Add($"Metrics[{i}]:Name is required.");
            }
            else if (!names.Add(metric.Name))
            {
                problems.Add($"{at}:Name is a duplicate; metric names must be unique.");
            }

            if (string.IsNullOrWhiteSpace(metric.Group))
            {
                problems.Add($"{at}:Group must not be empty.");
            }

            if (!Enum.IsDefined(metric.Direction))
            {
                problems.Add($"{at}:Direction {(int)metric.Direction} is not a CanaryDirection.");
            }

            if (!(metric.AllowedIncrease >= 1 && double.IsFinite(metric.AllowedIncrease)))
            {
                problems.Add($"{at}:AllowedIncrease must be a finite ratio of at least 1 (was {metric.AllowedIncrease}).");
            }

            if (!(metric.AllowedDecrease is >= 0 and <= 1))
            {
                problems.Add($"{at}:AllowedDecrease must be a ratio in [0, 1] (was {metric.AllowedDecrease}).");
            }

            if (metric.MinimumSamples < 1)
            {
                problems.Add($"{at}:MinimumSamples must be at least 1 (was {metric.MinimumSamples}).");
            }
        }

        CheckWeights(options, problems);
        return problems;
    }

    private static void CheckWeights(CanaryAnalysisOptions options, List<string> problems)
    {
        var sum = 0.0;
        foreach (var (group, weight) in options.GroupWeights)
        {
            if (!(weight >= 0 && double.IsFinite(weight)))
            {
                problems.Add($"GroupWeights:{group} must be a finite weight of at least 0 (was {weight}).");
                continue;
            }

            sum += weight;
            if (options.Metrics.Count > 0 && !options.Metrics.Any(m => m is not null && string.Equals(m.Group, group, StringComparison.Ordinal)))
            {
                problems.Add($"GroupWeights:{group} names a group that no metric belongs to.");
            }
        }

        if (sum > 100 + 1e-9)
        {
            problems.Add($"GroupWeights must sum to at most 100 (was {sum}).");
        }
    }
}
