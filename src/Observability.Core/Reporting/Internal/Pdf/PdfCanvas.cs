using System.Globalization;
using System.Text;

namespace Observability.Internal.Pdf;

/// <summary>
/// The drawing operations of one PDF page, in points from the page's top-left corner (the writer flips them
/// into PDF's bottom-up space): text in the standard fonts, lines, polylines and filled rectangles.
/// </summary>
internal sealed class PdfCanvas
{
    private readonly StringBuilder _ops = new(16 * 1024);

    public PdfCanvas(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The page's content stream operators, as text (every byte below 0x80 except inside strings).</summary>
    public StringBuilder Operators => _ops;

    public void Text(double x, double y, string text, double size, bool bold = false, string color = "#1b1f24")
    {
        if (text.Length == 0)
        {
            return;
        }

        Fill(color);
        _ops.Append("BT /").Append(bold ? "F2 " : "F1 ").Append(N(size)).Append(" Tf ").Append(N(x)).Append(' ').Append(N(Height - y)).Append(" Td (");
        foreach (var c in PdfFont.Normalize(text))
        {
            var b = PdfFont.Encode(c);
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    _ops.Append('\\').Append((char)b);
                    break;
                case < 0x80:
                    _ops.Append((char)b);
                    break;
                default:
                    // Octal escape keeps the operator text ASCII; the reader decodes it through WinAnsiEncoding.
                    _ops.Append('\\').Append(Convert.ToString(b, 8));
                    break;
            }
        }

        _ops.Append(") Tj ET\n");
    }

    public void TextRight(double right, double y, string text, double size, bool bold = false, string color = "#1b1f24")
        => Text(right - PdfFont.Width(text, size, bold), y, text, size, bold, color);

    public void Line(double x1, double y1, double x2, double y2, string color, double width = 0.6, bool dashed = false)
    {
        Stroke(color, width, dashed);
        _ops.Append(N(x1)).Append(' ').Append(N(Height - y1)).Append(" m ").Append(N(x2)).Append(' ').Append(N(Height - y2)).Append(" l S\n");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double width)
    {
        if (points.Count == 0)
        {
            return;
        }

        Stroke(color, width, dashed: false);
        _ops.Append("1 J 1 j ");
        for (var i = 0; i < points.Count; i++)
        {
            _ops.Append(N(points[i].X)).Append(' ').Append(N(Height - points[i].Y)).Append(i == 0 ? " m " : " l ");
        }

        // A single point still shows: a zero-length segment with round caps is a dot.
        if (points.Count == 1)
        {
            _ops.Append(N(points[0].X)).Append(' ').Append(N(Height - points[0].Y)).Append(" l ");
        }

        _ops.Append("S 0 J 0 j\n");
    }

    public void Rectangle(double x, double y, double width, double height, string fill)
    {
        Fill(fill);
        _ops.Append(N(x)).Append(' ').Append(N(Height - y - height)).Append(' ').Append(N(width)).Append(' ').Append(N(height)).Append(" re f\n");
    }

    public void Frame(double x, double y, double width, double height, string color, double lineWidth)
    {
        Stroke(color, lineWidth, dashed: false);
        _ops.Append(N(x)).Append(' ').Append(N(Height - y - height)).Append(' ').Append(N(width)).Append(' ').Append(N(height)).Append(" re S\n");
    }

    private void Fill(string color) => _ops.Append(Rgb(color)).Append(" rg ");

    private void Stroke(string color, double width, bool dashed)
        => _ops.Append(Rgb(color)).Append(" RG ").Append(N(width)).Append(" w ").Append(dashed ? "[4 3] 0 d " : "[] 0 d ");

    private static string Rgb(string hex)
    {
        var value = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"{N(((value >> 16) & 0xFF) / 255.0)} {N(((value >> 8) & 0xFF) / 255.0)} {N((value & 0xFF) / 255.0)}";
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
