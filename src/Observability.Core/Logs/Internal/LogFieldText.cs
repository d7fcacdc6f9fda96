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
        var reader = new Utf8JsonReader(slice);
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }
}
