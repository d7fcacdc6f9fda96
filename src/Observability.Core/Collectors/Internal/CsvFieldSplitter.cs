using System.Text;

namespace Observability.Internal;

/// <summary>
/// Splits one CSV line into fields (RFC 4180: comma separated, fields optionally in double quotes, a quote
/// inside a quoted field written twice). Whitespace around fields is trimmed. A quoted field cannot span lines,
/// so one bad line never swallows the lines after it.
/// </summary>
internal static class CsvFieldSplitter
{
    public static bool TrySplit(string line, List<string> fields, out string error)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        error = string.Empty;
        StringBuilder? builder = null; // only quoted fields need one
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                builder ??= new StringBuilder();
                if (!TryReadQuoted(line, ref i, builder, out error))
                {
                    return false;
                }

                fields.Add(builder.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                fields.Add(line[i..end].Trim());
                i = end;
            }

            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }

    private static bool TryReadQuoted(string line, ref int i, StringBuilder builder, out string error)
    {
        var start = i;
        builder.Clear();
        i++;
        while (true)
        {
            if (i >= line.Length)
            {
                error = $"the quoted field starting at character {start + 1} has no closing quote (a quoted field cannot span lines)";
                return false;
            }

            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    builder.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            builder.Append(line[i]);
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < line.Length && line[i] != ',')
        {
            error = $"unexpected '{line[i]}' at character {i + 1} after the closing quote of a field (write a quote inside a quoted field as \"\")";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
