using System.Globalization;

namespace Observability.Eval.Nab;

/// <summary>Parses NAB timestamps (<c>YYYY-MM-DD HH:MM:SS</c>, optionally with a fraction, as the label files have).</summary>
internal static class NabTimestamps
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/> as a timestamp (taken as UTC); false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}
