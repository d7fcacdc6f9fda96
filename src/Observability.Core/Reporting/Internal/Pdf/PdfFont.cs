namespace Observability.Internal.Pdf;

/// <summary>
/// The two PDF standard fonts the report uses (Helvetica and Helvetica-Bold, which every PDF reader has, so
/// nothing is embedded) with their glyph widths from Adobe's published metrics, and the WinAnsi encoding of text.
/// </summary>
internal static class PdfFont
{
    // Widths of the characters 32..126, in 1/1000 of the font size (Adobe's Helvetica.afm and Helvetica-Bold.afm).
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    /// <summary>The width of <paramref name="text"/> in points at <paramref name="size"/>.</summary>
    public static double Width(string text, double size, bool bold)
    {
        var widths = bold ? Bold : Regular;
        var total = 0;
        foreach (var c in Normalize(text))
        {
            total += c is >= ' ' and <= '~' ? widths[c - ' '] : 556;
        }

        return total * size / 1000;
    }

    /// <summary>The text with the characters WinAnsi lacks replaced by readable ASCII (an arrow becomes <c>-&gt;</c>).</summary>
    public static string Normalize(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return text;
        }

        return text.Replace("→", "->", StringComparison.Ordinal).Replace("≥", ">=", StringComparison.Ordinal).Replace("≤", "<=", StringComparison.Ordinal)
            .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <summary>One character as its WinAnsi byte; a character outside WinAnsi becomes <c>?</c>.</summary>
    public static byte Encode(char c) => c switch
    {
        >= ' ' and <= '~' => (byte)c,
        >= '\u00A0' and <= '\u00FF' => (byte)c,
        '€' => 0x80,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        _ => (byte)'?',
    };
}
