namespace Observability.Internal;

/// <summary>
/// Finds escaped lone surrogates (<c>\ud800</c> without its pair): valid JSON grammar, but no Unicode text, so
/// <see cref="System.Text.Json.Utf8JsonReader.GetString"/> and <see cref="System.Text.Json.JsonElement.GetString"/>
/// throw on them. Readers check with this first and reject the value instead.
/// </summary>
internal static class JsonEscapes
{
    /// <summary>Tells whether raw JSON text holds any <c>\u</c> escape at all (the cheap check before <see cref="FindLoneSurrogate(ReadOnlySpan{byte})"/>).</summary>
    public static bool MayHoldSurrogates(ReadOnlySpan<byte> raw) => raw.IndexOf("\\u"u8) >= 0;

    /// <summary>Tells whether JSON text holds any <c>\u</c> escape at all.</summary>
    public static bool MayHoldSurrogates(ReadOnlySpan<char> raw) => raw.IndexOf("\\u", StringComparison.Ordinal) >= 0;

    /// <summary>The index of the first escaped lone surrogate in raw JSON text (escapes not unescaped), or -1.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOf((byte)'\\');
        if (i < 0)
        {
            return -1;
        }

        for (; i < raw.Length - 1; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u' || !TryHex4(raw, i + 2, out var unit))
            {
                i++; // \\, \" and the like: skip the escaped character
                continue;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 7 < raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' && TryHex4(raw, i + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    i += 11;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return i;
            }

            i += 5;
        }

        return -1;
    }

    private static bool TryHex4(ReadOnlySpan<byte> raw, int at, out int value)
    {
        value = 0;
        if (at + 4 > raw.Length)
        {
            return false;
        }

        for (var k = at; k < at + 4; k++)
        {
            var digit = raw[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => raw[k] - '0',
                >= (byte)'a' and <= (byte)'f' => raw[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => raw[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
