namespace Observability.Internal.Pdf;

/// <summary>
/// Flows a report down A4 pages: headings, wrapped paragraphs, bullet lists, tables (a header row repeated on
/// each page) and charts, starting a new page when the next block does not fit. Every page gets a footer.
/// </summary>
internal sealed partial class PdfLayout
{
    public const double PageWidth = 595.28, PageHeight = 841.89, Margin = 40;
    private const double BodySize = 9, LineGap = 1.35;

    private readonly List<PdfCanvas> _pages = [];
    private readonly string _footer;
    private double _y;

    public PdfLayout(string footer)
    {
        _footer = footer;
        NewPage();
    }

    public static double ContentWidth => PageWidth - (2 * Margin);

    private PdfCanvas Page => _pages[^1];

    public byte[] ToPdf(string title)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            page.Line(Margin, PageHeight - Margin + 8, PageWidth - Margin, PageHeight - Margin + 8, "#d0d7de");
            page.Text(Margin, PageHeight - Margin + 20, _footer, 7.5, color: "#57606a");
            page.TextRight(PageWidth - Margin, PageHeight - Margin + 20, $"page {i + 1} of {_pages.Count}", 7.5, color: "#57606a");
        }

        return PdfDocumentWriter.Write(_pages, title);
    }

    public void Title(string text)
    {
        Ensure(30);
        _y += 18;
        Page.Text(Margin, _y, text, 17, bold: true);
        _y += 10;
    }

    public void Heading(string text, double size = 12.5)
    {
        // Never the last thing on a page: keep room for a few lines of what follows.
        Ensure((size * 4) + 60);
        _y += size + 8;
        Page.Text(Margin, _y, text, size, bold: true);
        _y += 4;
        Page.Line(Margin, _y, PageWidth - Margin, _y, "#d0d7de");
        _y += 4;
    }

    public void Paragraph(string text, double size = BodySize, bool bold = false, string color = "#1b1f24", double indent = 0)
    {
        foreach (var line in Wrap(text, ContentWidth - indent, size, bold))
        {
            Ensure(size * LineGap);
            _y += size * LineGap;
            Page.Text(Margin + indent, _y, line, size, bold, color);
        }

        _y += 3;
    }

    public void Bullets(IEnumerable<string> items, double size = BodySize)
    {
        foreach (var item in items)
        {
            var lines = Wrap(item, ContentWidth - 12, size, bold: false);
            for (var i = 0; i < lines.Count; i++)
            {
                Ensure(size * LineGap);
                _y += size * LineGap;
                if (i == 0)
                {
                    Page.Text(Margin + 2, _y, "•", size);
                }

                Page.Text(Margin + 12, _y, lines[i], size);
            }

            _y += 1.5;
        }

        _y += 2;
    }

    /// <summary>A coloured box with a bold first line (the verdict) and wrapped lines under it.</summary>
    public void Box(string heading, IReadOnlyList<string> lines, string border, string fill)
    {
        var wrapped = lines.SelectMany(l => Wrap(l, ContentWidth - 20, BodySize, bold: false)).ToArray();
        var height = 24 + (wrapped.Length * BodySize * LineGap) + 8;
        Ensure(height + 6);
        _y += 6;
        Page.Rectangle(Margin, _y, ContentWidth, height, fill);
        Page.Frame(Margin, _y, ContentWidth, height, border, 1.5);
        var y = _y + 18;
        Page.Text(Margin + 10, y, heading, 13, bold: true);
        y += 4;
        foreach (var line in wrapped)
        {
            y += BodySize * LineGap;
            Page.Text(Margin + 10, y, line, BodySize);
        }

        _y += height + 4;
    }

    /// <summary>
    /// A table; <paramref name="widths"/> are shares of the content width. The first column is left-aligned; a column whose
    /// cells are all figures (a digit, a sign or a dash first) is right-aligned, any other left-aligned, or all when <paramref name="leftAligned"/>.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, bool leftAligned = false, double size = 8)
    {
        var columns = widths.Select(static w => w * ContentWidth).ToArray();
        var rowHeight = size * 1.9;
        var body = rows as IReadOnlyList<IReadOnlyList<string>> ?? [.. rows];
        var right = new bool[columns.Length];
        for (var c = 1; c < columns.Length && !leftAligned; c++)
        {
            right[c] = body.All(r => c >= r.Count || r[c].Length == 0 || char.IsDigit(r[c][0]) || r[c][0] is '+' or '-' or '—');
        }

        void Row(IReadOnlyList<string> cells, bool header)
        {
            var x = Margin;
            if (header)
            {
                Page.Rectangle(Margin, _y, ContentWidth, rowHeight, "#f6f8fa");
            }

            for (var c = 0; c < columns.Length && c < cells.Count; c++)
            {
                var text = Fit(cells[c], columns[c] - 6, size, header);
                if (!right[c])
                {
                    Page.Text(x + 3, _y + (rowHeight * 0.68), text, size, header);
                }
                else
                {
                    Page.TextRight(x + columns[c] - 3, _y + (rowHeight * 0.68), text, size, header);
                }

                x += columns[c];
            }

            _y += rowHeight;
            Page.Line(Margin, _y, PageWidth - Margin, _y, "#d0d7de", 0.4);
        }

        Ensure(rowHeight * 3);
        _y += 4;
        Row(headers, header: true);
        foreach (var row in body)
        {
            if (_y + rowHeight > PageHeight - Margin)
            {
                NewPage();
                Row(headers, header: true);
            }

            Row(row, header: false);
        }

        _y += 6;
    }

    private void Ensure(double height)
    {
        if (_y + height > PageHeight - Margin)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _pages.Add(new PdfCanvas(PageWidth, PageHeight));
        _y = Margin;
    }

    private static string Fit(string text, double width, double size, bool bold)
    {
        if (PdfFont.Width(text, size, bold) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && PdfFont.Width(string.Concat(text.AsSpan(0, cut), "…"), size, bold) > width)
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static List<string> Wrap(string text, double width, double size, bool bold)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in PdfFont.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && PdfFont.Width(candidate, size, bold) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(Fit(line, width, size, bold));
        }

        return lines;
    }
}
