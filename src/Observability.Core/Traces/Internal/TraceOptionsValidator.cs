using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>The problems of <see cref="ObservabilityOptions.Traces"/>, listed with the other options' problems at start-up.</summary>
internal sealed class TraceOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Traces.PerUserCapacity < 1)
        {
            problems.Add($"Observability:Traces:PerUserCapacity must be at least 1 (was {options.Traces.PerUserCapacity}).");
        }

        if (options.Traces.Capacity < 1)
        {
            problems.Add($"Observability:Traces:Capacity must be at least 1 (was {options.Traces.Capacity}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
