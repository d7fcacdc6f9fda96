using System.Globalization;

namespace Observability.Internal;

/// <summary>Parses the values shared by the CSV and JSON lines formats: timestamps, metric values and qualities.</summary>
internal static class SnapshotValueParser
{
    // DateTimeOffset covers 0001-01-01 to 9999-12-31.
    private const double MinUnixSeconds = -62_135_596_800;
    private const double MaxUnixSeconds = 253_402_300_799;

    private static SecretRedactor Redactor => DefaultRedaction.Redactor;

    private static readonly DataQualityStatus[] Qualities =
        [DataQualityStatus.Complete, DataQualityStatus.Partial, DataQualityStatus.Empty, DataQualityStatus.Failed];

    /// <summary>Parses an ISO 8601 timestamp with a UTC offset, or a number of unix seconds.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp, out string error)
    {
        timestamp = default;
        error = string.Empty;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the timestamp is empty";
            return false;
        }

        if (double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFromUnixSeconds(seconds, trimmed, out timestamp, out error);
        }

        // RoundtripKind tells a time with an offset (Utc/Local) from one without (Unspecified).
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var withKind)
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
        {
            error = $"'{Shorten(trimmed)}' is not a timestamp; expected ISO 8601 with an offset (2025-11-15T00:00:00Z) or unix seconds";
            return false;
        }

        if (withKind.Kind == DateTimeKind.Unspecified)
        {
            error = $"the timestamp '{Shorten(trimmed)}' has no UTC offset; add 'Z' or an offset such as '+01:00'";
            return false;
        }

        return true;
    }

    public static bool TryFromUnixSeconds(double seconds, string text, out DateTimeOffset timestamp, out string error)
    {
        timestamp = default;
        error = string.Empty;
        if (!double.IsFinite(seconds) || seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            error = $"the unix timestamp {Shorten(text)} is out of range; expected seconds (not milliseconds) since 1970-01-01";
            return false;
        }

        timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));
        return true;
    }

    /// <summary>Parses a metric value in the invariant culture; also accepts NaN, Inf, +Inf, -Inf and Infinity.</summary>
    public static bool TryParseMetric(string text, out double value)
    {
        var trimmed = text.AsSpan().Trim();
        return TryParseNonFinite(trimmed, out value)
            || double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Parses the value of <paramref name="metric"/> and checks it is possible (see <see cref="MetricValueRules"/>);
    /// a run of digits too long for a double is refused, never read as infinity.
    /// </summary>
    /// <returns>Why the text is refused, or <see langword="null"/> when <paramref name="value"/> holds it.</returns>
    public static string? TryParseMetric(string metric, string text, out double value)
    {
        var trimmed = text.AsSpan().Trim();
        if (TryParseNonFinite(trimmed, out value))
        {
            return MetricValueRules.Check(metric, value);
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return double.IsFinite(value) ? MetricValueRules.Check(metric, value) : OutOfRange(text.Trim());
        }

        return $"'{Quote(text.Trim(), metric)}' is not a number (use invariant culture, for example 0.25, NaN, +Inf)";
    }

    /// <summary>Tells whether a JSON string holds a metric value (a number, NaN or an infinity).</summary>
    public static bool LooksNumeric(string text) => TryParseMetric(text, out _);

    /// <summary>The message for a number too large for a double.</summary>
    public static string OutOfRange(string text)
        => $"the number '{Shorten(text)}' ({text.Length} characters) is beyond the range of a double; it is not read as infinity";

    /// <summary>Parses NaN, Inf, +Inf, -Inf, Infinity, +Infinity or -Infinity, in any case.</summary>
    public static bool TryParseNonFinite(ReadOnlySpan<char> trimmed, out double value)
    {
        if (trimmed.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        var sign = 1.0;
        var unsigned = trimmed;
        if (unsigned.Length > 0 && (unsigned[0] == '+' || unsigned[0] == '-'))
        {
            sign = unsigned[0] == '-' ? -1.0 : 1.0;
            unsigned = unsigned[1..];
        }

        if (unsigned.Equals("Inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Parses <c>complete</c>, <c>partial</c>, <c>empty</c> or <c>failed</c>, in any case.</summary>
    public static bool TryParseQuality(string text, out DataQualityStatus status)
    {
        var trimmed = text.AsSpan().Trim();
        foreach (var candidate in Qualities)
        {
            if (trimmed.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>
    /// The quality of a line: the explicit one when given, otherwise empty when no metric has a value,
    /// partial when some are missing, complete when none is.
    /// </summary>
    public static DataQuality ResolveQuality(DataQualityStatus? explicitStatus, string? explicitReason, IReadOnlyList<string> missing, int present, string emptyReason)
    {
        var reason = string.IsNullOrWhiteSpace(explicitReason) ? null : explicitReason.Trim();
        var status = explicitStatus ?? (present == 0 ? DataQualityStatus.Empty : missing.Count > 0 ? DataQualityStatus.Partial : DataQualityStatus.Complete);
        return status switch
        {
            DataQualityStatus.Complete => DataQuality.Complete,
            DataQualityStatus.Empty => DataQuality.Empty(reason ?? emptyReason),
            DataQualityStatus.Partial => DataQuality.Partial(reason ?? (missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : "marked partial in the file")),
            _ => DataQuality.Failed(reason ?? "marked failed in the file"),
        };
    }

    /// <summary>
    /// Cuts a value quoted in an error message to a readable length, its secrets masked (<c>token=...</c>,
    /// URL passwords; see <see cref="SecretRedactor.RedactText"/>): at most 40 characters of the file are quoted.
    /// </summary>
    public static string Shorten(string text)
    {
        const int Scanned = 200, Quoted = 40;
        var head = text.Length > Scanned ? text[..Scanned] : text;
        var redacted = Redactor.RedactText(head);
        return redacted.Length <= Quoted && head.Length == text.Length ? redacted : string.Concat(redacted.AsSpan(0, Math.Min(Quoted - 3, redacted.Length)), "...");
    }

    /// <summary>Quotes a value of <paramref name="field"/>: masked whole when the field's name says it holds a secret.</summary>
    public static string Quote(string text, string? field) => field is not null && Redactor.IsSecretKey(field) ? Redactor.MaskValue(string.Empty) : Shorten(text);
}
