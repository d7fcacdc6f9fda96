using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Start-up validation of a reporter's options: a file name, when set, is a plain name (no folder, no invalid character).</summary>
internal sealed class ReporterOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IReporterOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileName = options.FileName;
        return fileName is null || ReporterRegistration.IsPlainName(fileName)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{typeof(TOptions).Name} '{name}': FileName '{fileName}' is not a plain file name (no folder, no invalid character, not empty); the extension is added by the reporter.");
    }

}
