using System.Globalization;

namespace Observability.Internal;

/// <summary>Number and list formatting for sentences a person reads (invariant culture).</summary>
internal static class Advice
{
    /// <summary>A ratio as a percentage with up to three decimals: 0.99982 is "99.982 %".</summary>
    public static string Percent(double ratio) => Number(ratio * 100, "0.###") + " %";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Milliseconds(double value) => Number(value, "0") + " ms";

    /// <summary>"1 critical alert", "6 critical alerts".</summary>
    public static string Count(int count, string singular, string? plural = null)
        => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>"day 4", "days 2 and 5", "days 1, 3 and 6".</summary>
    public static string DayList(IEnumerable<int> dayNumbers)
    {
        var numbers = dayNumbers.Select(static n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        return numbers.Count switch
        {
            0 => "no day",
            1 => "day " + numbers[0],
            _ => "days " + string.Join(", ", numbers[..^1]) + " and " + numbers[^1],
        };
    }
}
