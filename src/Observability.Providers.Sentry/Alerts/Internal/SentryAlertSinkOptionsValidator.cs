using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="SentryAlertSinkOptions"/> in one failure; never shows the DSN.</summary>
internal sealed class SentryAlertSinkOptionsValidator : IValidateOptions<SentryAlertSinkOptions>
{
    /// <summary>The longest timeout accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SentryAlertSinkOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, SentryAlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "SentryAlertSink" : $"SentryAlertSink:{name}";
        var problems = new List<string>();

        if (SentryDsn.Problem(options.Dsn) is { } dsnProblem)
        {
            problems.Add($"{prefix}:Dsn {dsnProblem}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            problems.Add($"{prefix}:Timeout must be positive and at most 5 minutes (was {options.Timeout}).");
        }

        // Sentry refuses environments longer than 64 characters or holding a slash or a line break.
        if (options.Environment is { } environment && (environment.Length is 0 or > 64 || environment.AsSpan().IndexOfAny("/\r\n") >= 0))
        {
            problems.Add($"{prefix}:Environment must be 1 to 64 characters without '/' or line breaks (was {environment.Length} characters).");
        }

        // Sentry refuses releases longer than 200 characters, holding a slash, a backslash, a tab or a line break, or named '.' or '..'.
        if (options.Release is { } release && (release.Length is 0 or > 200 || release is "." or ".." || release.AsSpan().IndexOfAny("/\\\r\n\t") >= 0))
        {
            problems.Add($"{prefix}:Release must be 1 to 200 characters without slashes, backslashes, tabs or line breaks, and not '.' or '..'.");
        }

        if (options.ServerName is { Length: 0 })
        {
            problems.Add($"{prefix}:ServerName must not be empty when set.");
        }

        return problems;
    }
}
