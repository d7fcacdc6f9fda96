namespace Observability.Internal;

/// <summary>
/// The fast path for the most common log timestamp, <c>yyyy-MM-ddTHH:mm:ss[.f to .fffffff]Z</c>; anything else goes
/// to the JSON reader's ISO 8601 parser.
/// </summary>
internal static class FastIsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 20 || s.Length > 28 || s[^1] != (byte)'Z' || s[4] != (byte)'-' || s[7] != (byte)'-'
            || s[10] != (byte)'T' || s[13] != (byte)':' || s[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        long fractionTicks = 0;
        var rest = s[19..^1];
        if (!rest.IsEmpty)
        {
            if (rest[0] != (byte)'.' || rest.Length < 2 || !TryDigits(rest[1..], out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var i = rest.Length - 1; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
