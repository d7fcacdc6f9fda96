using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// The one way numbers, durations and times are written in messages, reports and the console:
/// ratios as percentages with up to two decimals, milliseconds, burn rates as multiples, score
/// points, durations in the largest whole unit, and times as <c>yyyy-MM-dd HH:mm UTC</c>.
/// </summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A ratio as a percentage: 0.0647 is <c>6.47 %</c>.</summary>
    public static string Percent(double ratio) => Number(ratio * 100, "0.##") + " %";

    /// <summary>A value already in percent: 12.5 is <c>12.5 %</c>.</summary>
    public static string PercentValue(double percent) => Number(percent, "0.#") + " %";

    /// <summary>A difference of two ratios in percentage points: -0.0094 is <c>-0.94 pp</c>.</summary>
    public static string Points(double ratioDifference) => Signed(ratioDifference * 100, "0.##") + " pp";

    /// <summary>Milliseconds: <c>480 ms</c>.</summary>
    public static string Milliseconds(double ms) => Number(ms, "0.#") + " ms";

    /// <summary>A burn rate: <c>14.4x</c>.</summary>
    public static string BurnRate(double rate) => Number(rate, "0.#") + "x";

    /// <summary>Score points: <c>42.5</c>.</summary>
    public static string Score(double points) => Number(points, "0.#");

    /// <summary>A count with thousands separators: <c>9,812</c>.</summary>
    public static string Count(double count) => Number(count, "#,0");

    /// <summary>A number with the given format, invariant culture.</summary>
    public static string Number(double value, string format = "0.#") => value.ToString(format, Invariant);

    /// <summary>A number with its sign: <c>+3.2</c>, <c>-1</c>.</summary>
    public static string Signed(double value, string format = "0.#") => (value > 0 ? "+" : string.Empty) + Number(value, format);

    /// <summary>A value in its unit.</summary>
    public static string Value(ValueUnit unit, double value) => unit switch
    {
        ValueUnit.Ratio => Percent(value),
        ValueUnit.Percent => PercentValue(value),
        ValueUnit.Milliseconds => Milliseconds(value),
        ValueUnit.BurnRate => BurnRate(value),
        ValueUnit.Count => Count(value),
        ValueUnit.Points => Score(value),
        ValueUnit.Confidence => Number(value, "0.##"),
        _ => Number(value, "0.###"),
    };

    /// <summary>A time for prose: <c>2025-11-21 22:00 UTC</c> (seconds only when not zero).</summary>
    public static string Time(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.ToString(utc.Second == 0 && utc.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";
    }

    /// <summary>A duration in the largest whole unit: <c>7 d</c>, <c>2 h</c>, <c>90 min</c>, <c>45 s</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration.Ticks > 0 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Number(duration.TotalDays, "0") + " d";
        }

        if (duration.Ticks > 0 && duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Number(duration.TotalHours, "0") + " h";
        }

        return duration.Ticks % TimeSpan.TicksPerMinute == 0
            ? Number(duration.TotalMinutes, "0") + " min"
            : Number(duration.TotalSeconds, "0.#") + " s";
    }

    /// <summary>"1 snapshot", "3 snapshots".</summary>
    public static string Plural(long count, string singular, string? plural = null)
        => count.ToString(Invariant) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
