using System.Globalization;

namespace Observability.Cli.Internal;

/// <summary>
/// Times on the command line: a bare number (in the option's own unit), a number with a unit s, m, h or d
/// (90s, 30m, 1.5h, 7d) or a TimeSpan such as 7.00:00:00; and the same shown back.
/// </summary>
internal static class TimeText
{
    /// <summary>The longest time any option takes.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(366);

    private static readonly (TimeSpan Unit, string Suffix)[] Units =
        [(TimeSpan.FromDays(1), "d"), (TimeSpan.FromHours(1), "h"), (TimeSpan.FromMinutes(1), "m")];

    /// <summary>Shows a time the way the options take it: <c>30m</c>, <c>2h</c>, <c>7d</c>, <c>1.5h</c>, <c>90s</c>.</summary>
    public static string Text(TimeSpan time)
    {
        foreach (var (unit, suffix) in Units)
        {
            if (time >= unit && time.Ticks % (unit.Ticks / 1000) == 0)
            {
                return (time.Ticks / (double)unit.Ticks).ToString("0.###", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }

    /// <exception cref="UsageException">The value is not a positive time, or is longer than <see cref="Max"/>.</exception>
    /// <param name="option">The option, as the message names it.</param>
    /// <param name="value">The value given.</param>
    /// <param name="bareUnit">The unit of a bare number.</param>
    /// <param name="bareUnitName">That unit's name in the message (<c>hours</c>).</param>
    /// <param name="longest">What the message says is limited by <see cref="Max"/>.</param>
    /// <returns>The time.</returns>
    public static TimeSpan Parse(string option, string value, TimeSpan bareUnit, string bareUnitName, string longest = "the longest this tool takes")
    {
        var text = value.Trim();
        var unit = bareUnit;
        var number = text;
        if (text.Length > 1 && char.IsAsciiLetter(text[^1]))
        {
            unit = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            };
            number = text[..^1];
        }

        var problem = $"{option} '{value}' is not a positive time: a bare number of {bareUnitName}, a number with a unit s, m, h or d (30m, 2h, 7d) or a TimeSpan such as 7.00:00:00.";
        if (unit != TimeSpan.Zero
            && double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count))
        {
            if (!double.IsFinite(count) || count <= 0)
            {
                throw new UsageException(problem);
            }

            // Bounded before it becomes a TimeSpan, which would overflow at about 29,000 years.
            var ticks = Math.Round(count * unit.Ticks);
            if (ticks > Max.Ticks * 2.0)
            {
                throw new UsageException($"{option} '{value}' is longer than {longest}, {Text(Max)}.");
            }

            return ticks < 1 ? throw new UsageException(problem) : TimeSpan.FromTicks((long)ticks);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new UsageException(problem);
    }

    /// <summary>An ISO-8601 date and time, UTC when no offset is given.</summary>
    /// <exception cref="UsageException">The value is not a date and time.</exception>
    public static DateTimeOffset Instant(string option, string value)
        => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UsageException($"{option} '{value}' is not a date and time: give ISO-8601 such as 2025-11-22T00:00:00Z.");
}
