using System.Globalization;
using System.Text;

namespace Observability.Internal;

/// <summary>Escaping and invariant-culture number formatting for the Markdown report.</summary>
internal static class MarkdownText
{
    /// <summary>Shown where a value is missing.</summary>
    public const string None = "–";

    private const string Significant = "\\`*_[]<>|~#&!";

    /// <summary>Escapes user text for running Markdown; newlines become spaces.</summary>
    public static string Text(string? value) => Escape(value, " ");

    /// <summary>Escapes user text for a table cell; newlines become <c>&lt;br&gt;</c>.</summary>
    public static string Cell(string? value) => Escape(value, "<br>");

    /// <summary>Writes an identifier as a code span, or as escaped text when it would break one.</summary>
    public static string Code(string? value)
        => string.IsNullOrEmpty(value) ? None
            : value.AsSpan().IndexOfAny("`|\r\n") >= 0 ? Text(value) : $"`{value}`";

    /// <summary>Formats a number with the given invariant-culture format; NaN and infinities as words.</summary>
    public static string Number(double value, string format = "0.##")
        => double.IsNaN(value) ? "n/a"
            : double.IsPositiveInfinity(value) ? "∞"
            : double.IsNegativeInfinity(value) ? "-∞"
            : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Formats a fraction in [0, 1] as a percentage with two or three decimals.</summary>
    public static string Percent(double fraction)
        => double.IsFinite(fraction) ? Number(fraction * 100, "0.00#") + " %" : Number(fraction);

    /// <summary>Formats an integer in invariant culture, without group separators.</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a metric value by its name: ratios as %, <c>_ms</c> as milliseconds, counts as integers.</summary>
    public static string Metric(string name, double value)
    {
        if (IsRatio(name))
        {
            return Percent(value);
        }

        if (name.EndsWith("_ms", StringComparison.Ordinal))
        {
            return double.IsFinite(value) ? Number(value, "0.0") + " ms" : Number(value);
        }

        return Number(value, name.EndsWith("_count", StringComparison.Ordinal) ? "0" : "0.###");
    }

    /// <summary>Formats a time in UTC, as everywhere (<see cref="Figures.Time"/>).</summary>
    public static string Time(DateTimeOffset time) => Figures.Time(time);

    /// <summary>Formats a duration, as everywhere (<see cref="Figures.Duration"/>).</summary>
    public static string Duration(TimeSpan duration) => Figures.Duration(duration);

    private static bool IsRatio(string name)
        => name == WellKnownMetrics.Availability
            || name.EndsWith("_rate", StringComparison.Ordinal)
            || name.EndsWith("_ratio", StringComparison.Ordinal)
            || name.EndsWith("_utilization", StringComparison.Ordinal);

    private static string Escape(string? value, string newLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' || c == '\n')
            {
                builder.Append(newLine);
                if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (Significant.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
