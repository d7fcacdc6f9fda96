using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="JsonLogCollectorOptions"/> in one failure.</summary>
internal sealed class JsonLogCollectorOptionsValidator : IValidateOptions<JsonLogCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, JsonLogCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "JsonLogCollector" : $"JsonLogCollector:{name}";
        var problems = Problems(options, prefix);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(JsonLogCollectorOptions options, string prefix)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            problems.Add($"{prefix}:Path is required (a JSON lines log file, or a folder of them).");
        }
        else if (options.Path.Contains('\0', StringComparison.Ordinal) || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add($"{prefix}:Path contains characters that are not valid in a path.");
        }

        if (string.IsNullOrWhiteSpace(options.SearchPattern))
        {
            problems.Add($"{prefix}:SearchPattern is required (for example *.jsonl).");
        }

        if (options.Bucket < TimeSpan.FromSeconds(1) || options.Bucket > TimeSpan.FromDays(1))
        {
            problems.Add($"{prefix}:Bucket must be from 00:00:01 to 1.00:00:00 (was {options.Bucket}).");
        }

        problems.AddRange(StructuredLogOptionsValidator.Problems(new StructuredLogOptions { MaxLineLength = options.MaxLineLength }, prefix));
        return problems;
    }
}
