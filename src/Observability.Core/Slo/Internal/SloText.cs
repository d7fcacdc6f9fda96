using System.Globalization;

namespace Observability.Internal;

/// <summary>Invariant formatting for the SLO engine's names and reasons.</summary>
internal static class SloText
{
    /// <summary>A compact duration: <c>5m</c>, <c>1h</c>, <c>3d</c>, <c>90s</c>; the largest unit that divides it evenly.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Invariant(value.Ticks / TimeSpan.TicksPerDay) + "d";
        }

        if (value.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Invariant(value.Ticks / TimeSpan.TicksPerHour) + "h";
        }

        return value.Ticks % TimeSpan.TicksPerMinute == 0
            ? Invariant(value.Ticks / TimeSpan.TicksPerMinute) + "m"
            : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>A span for sentences, in days, hours or minutes with up to two decimals.</summary>
    public static string Span(TimeSpan value)
        => value.TotalDays >= 1 ? Unit(value.TotalDays, "day")
            : value.TotalHours >= 1 ? Unit(value.TotalHours, "hour")
            : Unit(value.TotalMinutes, "minute");

    /// <summary>A burn rate such as <c>14.4x</c>.</summary>
    public static string Burn(double? rate) => rate is { } r ? Number(r, "0.##") + "x" : "n/a";

    /// <summary>A number with the given format.</summary>
    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage with up to three decimals, such as <c>99.95 %</c>.</summary>
    public static string Percent(double ratio) => Number(ratio * 100, "0.###") + " %";

    /// <summary>A timestamp in ISO 8601 round-trip form.</summary>
    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string Unit(double value, string unit)
    {
        var text = Number(value, "0.##");
        return text == "1" ? "1 " + unit : text + " " + unit + "s";
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
