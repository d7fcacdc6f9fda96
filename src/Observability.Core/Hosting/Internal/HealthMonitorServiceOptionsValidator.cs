using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>The interval must be positive.</summary>
internal sealed class HealthMonitorServiceOptionsValidator : IValidateOptions<HealthMonitorServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthMonitorServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Interval > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Observability:Monitor:Interval must be positive (was {options.Interval}).");
    }
}
