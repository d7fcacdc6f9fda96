using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="CiLogCollectorOptions"/> in one failure.</summary>
internal sealed class CiLogCollectorOptionsValidator : IValidateOptions<CiLogCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CiLogCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "CiLogCollector" : $"CiLogCollector:{name}";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            problems.Add($"{prefix}:Path is required (a CI log, run-logs ZIP, TRX or JUnit file, or a folder of them).");
        }
        else if (options.Path.Contains('\0', StringComparison.Ordinal) || options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add($"{prefix}:Path contains characters that are not valid in a path.");
        }

        if (options.MaxLineLength < 80)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:MaxLineLength must be at least 80 (was {options.MaxLineLength})."));
        }

        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (rule is null || string.IsNullOrWhiteSpace(rule.Metric))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Rules:{i}:Metric is required."));
            }

            if (rule is null || string.IsNullOrEmpty(rule.Pattern))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Rules:{i}:Pattern is required."));
                continue;
            }

            try
            {
                _ = new Regex(rule.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(CiLogPatterns.TimeoutMilliseconds));
            }
            catch (ArgumentException e)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Rules:{i}:Pattern is not a valid regular expression: {e.Message}"));
            }
        }

        for (var i = 0; i < options.IncludePatterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.IncludePatterns[i]))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:IncludePatterns:{i} is blank."));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
