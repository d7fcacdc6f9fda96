using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Validates <see cref="StabilityMonitorOptions"/> at start-up, listing every problem.</summary>
internal sealed class StabilityMonitorOptionsValidation : IValidateOptions<StabilityMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, StabilityMonitorOptions options)
    {
        var problems = StabilityMonitorOptionsValidator.Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
