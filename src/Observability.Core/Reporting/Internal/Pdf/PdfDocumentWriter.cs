using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Observability.Internal.Pdf;

/// <summary>
/// Writes pages to a PDF 1.4 file: a catalog, a page tree, the two standard fonts (Helvetica, Helvetica-Bold,
/// WinAnsiEncoding: not embedded, every reader has them, and the text is extractable), one Flate-compressed
/// content stream per page, a document information dictionary and the cross-reference table.
/// </summary>
internal static class PdfDocumentWriter
{
    public static byte[] Write(IReadOnlyList<PdfCanvas> pages, string title)
    {
        using var output = new MemoryStream(32 * 1024);
        var offsets = new List<long>();

        void Object(string body)
        {
            offsets.Add(output.Position);
            Ascii(output, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Ascii(output, "%PDF-1.4\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        // 1 catalog, 2 pages, 3-4 fonts, 5 info; then each page and its content stream.
        const int FirstPage = 6;
        var kids = string.Join(' ', Enumerable.Range(0, pages.Count).Select(static i => $"{FirstPage + (2 * i)} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Count {pages.Count} /Kids [{kids}] >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        Object($"<< /Title {Literal(title)} /Producer (Observability) >>");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            Object(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.Width:0.##} {page.Height:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {FirstPage + (2 * i) + 1} 0 R >>"));
            var content = Compress(page.Operators);
            offsets.Add(output.Position);
            Ascii(output, $"{offsets.Count} 0 obj\n<< /Length {content.Length} /Filter /FlateDecode >>\nstream\n");
            output.Write(content);
            Ascii(output, "\nendstream\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder(64 + (20 * offsets.Count));
        table.Append("xref\n0 ").Append(offsets.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append("trailer\n<< /Size ").Append(offsets.Count + 1).Append(" /Root 1 0 R /Info 5 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        Ascii(output, table.ToString());
        return output.ToArray();
    }

    private static byte[] Compress(StringBuilder operators)
    {
        using var buffer = new MemoryStream(operators.Length / 3);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var chunk in operators.GetChunks())
            {
                var bytes = Encoding.ASCII.GetBytes(chunk.ToArray());
                zlib.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static string Literal(string text)
    {
        var s = new StringBuilder(text.Length + 2).Append('(');
        foreach (var c in PdfFont.Normalize(text))
        {
            var b = PdfFont.Encode(c);
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                s.Append('\\');
            }

            s.Append(b < 0x80 ? ((char)b).ToString() : "\\" + Convert.ToString(b, 8));
        }

        return s.Append(')').ToString();
    }

    private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
