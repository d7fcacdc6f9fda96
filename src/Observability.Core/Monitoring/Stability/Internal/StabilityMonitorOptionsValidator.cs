using System.Globalization;

namespace Observability.Internal;

/// <summary>Lists every problem of a <see cref="StabilityMonitorOptions"/>.</summary>
internal static class StabilityMonitorOptionsValidator
{
    public static List<string> Problems(StabilityMonitorOptions options)
    {
        var problems = new List<string>();
        if (options.Duration <= TimeSpan.Zero)
        {
            problems.Add(Text($"Duration must be positive (was {options.Duration})."));
        }

        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromDays(1))
        {
            problems.Add(Text($"Interval must be between 1 second and 1 day (was {options.Interval})."));
        }
        else if (options.Duration > TimeSpan.Zero && options.Interval > options.Duration)
        {
            problems.Add(Text($"Interval ({options.Interval}) must not be longer than Duration ({options.Duration})."));
        }

        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            problems.Add("OutputDirectory is required.");
        }

        if (options.Thresholds is null)
        {
            problems.Add("Thresholds is required.");
        }
        else
        {
            ThresholdValidation.Check(options.Thresholds, "Thresholds:", problems);
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add("ServiceName is required.");
        }

        return problems;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
