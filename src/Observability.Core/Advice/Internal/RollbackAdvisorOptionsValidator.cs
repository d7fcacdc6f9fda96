using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="RollbackAdvisorOptions"/> in one failure.</summary>
internal sealed class RollbackAdvisorOptionsValidator : IValidateOptions<RollbackAdvisorOptions>
{
    public ValidateOptionsResult Validate(string? name, RollbackAdvisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!double.IsFinite(options.MaxErrorRate) || options.MaxErrorRate is < 0 or > 1)
        {
            problems.Add($"RollbackAdvisor:MaxErrorRate must be a ratio in [0, 1] (was {Text(options.MaxErrorRate)}); 0.05 means 5 %.");
        }

        if (options.MinimumJobs < 0)
        {
            problems.Add($"RollbackAdvisor:MinimumJobs must not be negative (was {options.MinimumJobs}).");
        }

        if (!double.IsFinite(options.HealthCritical) || options.HealthCritical is < 0 or > 100)
        {
            problems.Add($"RollbackAdvisor:HealthCritical must lie in [0, 100] (was {Text(options.HealthCritical)}).");
        }

        if (options.HealthSustainFor < TimeSpan.Zero)
        {
            problems.Add($"RollbackAdvisor:HealthSustainFor must not be negative (was {options.HealthSustainFor}).");
        }

        if (options.ConnectivityFailureThreshold < 1)
        {
            problems.Add($"RollbackAdvisor:ConnectivityFailureThreshold must be at least 1 (was {options.ConnectivityFailureThreshold}).");
        }

        if (options.QueueBacklogThreshold is { } backlog && (!double.IsFinite(backlog) || backlog < 0))
        {
            problems.Add($"RollbackAdvisor:QueueBacklogThreshold must be a finite number of at least 0, or unset to turn the rule off (was {Text(backlog)}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem, for callers without a host.</summary>
    public static void ThrowIfInvalid(RollbackAdvisorOptions options, string paramName)
    {
        var result = new RollbackAdvisorOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid rollback advisor options: " + string.Join(" ", result.Failures), paramName);
        }
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
