using System.Globalization;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="FileCollectorOptions"/> in one failure.</summary>
internal sealed class FileCollectorOptionsValidator : IValidateOptions<FileCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, FileCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "FileCollector" : $"FileCollector:{name}";
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            problems.Add($"{prefix}:Path is required (the CSV or JSON lines file of snapshots to read).");
        }
        else if (options.Path.Contains('\0', StringComparison.Ordinal) || options.Path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add($"{prefix}:Path contains characters that are not valid in a path.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            problems.Add($"{prefix}:Format must be Auto, Csv or JsonLines (was {(int)options.Format}).");
        }

        if (options.MaxLineLength is < 16 or > StructuredLogOptions.LargestMaxLineLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:MaxLineLength must be from 16 to {StructuredLogOptions.LargestMaxLineLength} bytes (was {options.MaxLineLength})."));
        }

        if (options.MaxSnapshots is < 1 or > FileCollectorOptions.LargestMaxSnapshots)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:MaxSnapshots must be from 1 to {FileCollectorOptions.LargestMaxSnapshots} (was {options.MaxSnapshots})."));
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
