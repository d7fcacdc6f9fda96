using System.Globalization;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="StructuredLogOptions"/>.</summary>
internal static class StructuredLogOptionsValidator
{
    public static List<string> Problems(StructuredLogOptions options, string prefix)
    {
        var problems = new List<string>();
        if (options.MaxLineLength is < 16 or > StructuredLogOptions.LargestMaxLineLength)
        {
            problems.Add(Invariant($"{prefix}:MaxLineLength must be from 16 to {StructuredLogOptions.LargestMaxLineLength} bytes (was {options.MaxLineLength})."));
        }

        if (options.RateLimitPerSecond is { } rate && (!double.IsFinite(rate) || rate <= 0))
        {
            problems.Add(Invariant($"{prefix}:RateLimitPerSecond must be a positive number of lines per second, or unset for no limit (was {rate})."));
        }

        if (options.RateLimiter is not null && options.RateLimitPerSecond is not null)
        {
            problems.Add($"{prefix}:RateLimiter and RateLimitPerSecond are both set; use one of them.");
        }

        if (options.RateLimitBurst < 0)
        {
            problems.Add(Invariant($"{prefix}:RateLimitBurst must be 0 (one second's worth) or more (was {options.RateLimitBurst})."));
        }

        if (options.MaxRecordedRejections < 0)
        {
            problems.Add(Invariant($"{prefix}:MaxRecordedRejections must be 0 or more (was {options.MaxRecordedRejections})."));
        }

        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
