using System.Text;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>Turns a field's slice of a log line into a string.</summary>
internal static class LogFieldText
{
    public static string Materialise(ReadOnlySpan<byte> line, int start, int length, LogValueKind kind)
    {
        var slice = line.Slice(start, length);
        if (kind != LogValueKind.EscapedString)
        {
            return Encoding.UTF8.GetString(slice);
        }

        // The slice is a quoted JSON string; let the reader unescape it.
        // The parser rejects lines with escaped lone surrogates; should one slip through, give the escaped text, never throw.
        var reader = new Utf8JsonReader(slice);
        reader.Read();
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(slice[1..^1]);
        }
    }
}
