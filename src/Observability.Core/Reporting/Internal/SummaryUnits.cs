using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// The units of the summary files, decided once for the JSON and the Markdown: ratios become percent
/// (0.9995 is 99.95), latency stays in milliseconds, times are UTC ISO 8601 with a <c>Z</c>. A value that
/// was not measured (or is not finite) stays <see langword="null"/>: JSON <c>null</c>, Markdown <c>n/a</c>.
/// </summary>
internal static class SummaryUnits
{
    /// <summary>Shown in Markdown where a value is unknown.</summary>
    public const string Unknown = "n/a";

    /// <summary>A ratio in [0, 1] as percent, rounded to 6 decimals so that 0.9995 is written 99.95.</summary>
    public static double? Percent(double? ratio) => ratio is { } r && double.IsFinite(r) ? Math.Round(r * 100, 6) : null;

    /// <summary>A value already in percent (drift), rounded like <see cref="Percent"/>.</summary>
    public static double? PercentValue(double? percent) => percent is { } p && double.IsFinite(p) ? Math.Round(p, 6) : null;

    /// <summary>A latency in milliseconds, rounded to 3 decimals.</summary>
    public static double? Milliseconds(double? ms) => ms is { } m && double.IsFinite(m) ? Math.Round(m, 3) : null;

    /// <summary>A count summed as a double (errors, requests) as a whole number.</summary>
    public static long? Count(double? value) => value is { } v && double.IsFinite(v) ? (long)Math.Round(v) : null;

    /// <summary>A duration in hours, rounded to 6 decimals.</summary>
    public static double Hours(TimeSpan span) => Math.Round(span.TotalHours, 6);

    /// <summary>A time as UTC ISO 8601 with a <c>Z</c>, for example <c>2025-11-22T00:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A day as <c>2025-11-22</c>.</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>A trend as the files write it: <c>improving</c>, <c>stable</c> or <c>degrading</c>.</summary>
    public static string Trend(TrendAssessment assessment) => assessment switch
    {
        TrendAssessment.Improving => "improving",
        TrendAssessment.Degrading => "degrading",
        _ => "stable",
    };

    /// <summary>A percent value for Markdown, for example <c>99.95%</c>, or <c>n/a</c>.</summary>
    public static string PercentText(double? percent) => percent is { } p ? Number(p, "0.0##") + "%" : Unknown;

    /// <summary>A latency for Markdown, for example <c>420ms</c>, or <c>n/a</c>.</summary>
    public static string MillisecondsText(double? ms) => ms is { } m ? Number(m, "0.#") + "ms" : Unknown;

    /// <summary>A number in invariant culture.</summary>
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant culture.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
