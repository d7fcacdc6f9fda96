using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Parses one log line (UTF-8 JSON, no line ending) into a <see cref="LogRecord"/> with one
/// <see cref="Utf8JsonReader"/> pass. A bad line gives a reason and a message instead of a record.
/// </summary>
internal static partial class LogLineParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    public static LogRecord? Parse(ReadOnlyMemory<byte> line, long lineNumber, bool requireTimestamp, out LogRejectReason reason, out string? message)
    {
        var span = line.Span;
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            reason = LogRejectReason.InvalidUtf8;
            message = $"the line is not valid UTF-8 (first bad byte at column {FirstInvalidUtf8(span) + 1})";
            return null;
        }

        var record = new LogRecord(line, lineNumber);
        try
        {
            message = ReadObject(span, record, out reason);
        }
        catch (JsonException e)
        {
            reason = LogRejectReason.MalformedJson;
            message = $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {DefaultRedaction.Redactor.RedactText(FirstSentence(e.Message))}"; // the reader quotes the bad literal
            return null;
        }

        if (message is not null)
        {
            return null;
        }

        if (requireTimestamp && record.Timestamp is null)
        {
            reason = LogRejectReason.MissingTimestamp;
            message = "the line has no 'timestamp' field";
            return null;
        }

        return record;
    }

    /// <summary>Reads the object's fields into the record; returns the problem, or <see langword="null"/> when it is fine.</summary>
    private static string? ReadObject(ReadOnlySpan<byte> span, LogRecord record, out LogRejectReason reason)
    {
        reason = LogRejectReason.InvalidField;
        var reader = new Utf8JsonReader(span, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            reason = LogRejectReason.MalformedJson;
            return $"a log line must be a JSON object, not {Describe(reader.TokenType)}";
        }

        var checkEscapes = JsonEscapes.MayHoldSurrogates(span);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length + 2;
            if (checkEscapes && reader.ValueIsEscaped && JsonEscapes.FindLoneSurrogate(reader.ValueSpan) is >= 0 and var inName)
            {
                reason = LogRejectReason.InvalidUtf8;
                return LoneSurrogate("a property name", nameStart + 1 + inName);
            }

            var field = reader.ValueIsEscaped ? ClassifyEscaped(ref reader) : Classify(reader.ValueSpan);
            reader.Read();
            if (checkEscapes && FindLoneSurrogateInValue(span, reader) is >= 0 and var inValue)
            {
                reason = LogRejectReason.InvalidUtf8;
                return LoneSurrogate($"field '{FieldName(span, nameStart, nameLength)}'", inValue);
            }

            var problem = field switch
            {
                KnownName.Timestamp => ReadTimestamp(ref reader, record),
                KnownName.Level => ReadLevel(ref reader, record),
                KnownName.DurationMs => ReadDuration(ref reader, record),
                KnownName.StatusCode => ReadStatusCode(ref reader, record),
                KnownName.Unknown => ReadExtra(ref reader, record, nameStart, nameLength),
                _ => ReadText(ref reader, record, (LogField)(field - KnownName.FirstText)),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        // The object ended; anything but whitespace after it makes the reader throw.
        while (reader.Read())
        {
        }

        return null;
    }

    /// <summary>The column offset of the first escaped lone surrogate in the current value (nested ones included), or -1.</summary>
    private static int FindLoneSurrogateInValue(ReadOnlySpan<byte> span, Utf8JsonReader reader)
    {
        // The reader is a copy: skipping an object here leaves the caller's reader where it was.
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueIsEscaped:
                return JsonEscapes.FindLoneSurrogate(reader.ValueSpan) is >= 0 and var at ? start + 1 + at : -1;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                var raw = span[start..(int)reader.BytesConsumed];
                return JsonEscapes.FindLoneSurrogate(raw) is >= 0 and var nested ? start + nested : -1;
            default:
                return -1;
        }
    }

    private static string LoneSurrogate(string what, int offset)
        => $"{what} holds an escaped lone surrogate (a \\uD800-\\uDFFF escape without its pair) at column {offset + 1}, which is no Unicode text";

    /// <summary>The property name as written (escapes kept), shortened for a message.</summary>
    private static string FieldName(ReadOnlySpan<byte> span, int nameStart, int nameLength)
    {
        var name = System.Text.Encoding.UTF8.GetString(span.Slice(nameStart + 1, nameLength - 2));
        return name.Length > 40 ? string.Concat(name.AsSpan(0, 37), "...") : name;
    }

    private static string? ReadText(ref Utf8JsonReader reader, LogRecord record, LogField field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                record.SetRange(
                    field,
                    reader.ValueIsEscaped ? (int)reader.TokenStartIndex : (int)reader.TokenStartIndex + 1,
                    reader.ValueIsEscaped ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length,
                    reader.ValueIsEscaped ? LogValueKind.EscapedString : LogValueKind.PlainString);
                return null;
            default:
                var (start, length) = RawRange(ref reader);
                record.SetRange(field, start, length, LogValueKind.RawJson);
                return null;
        }
    }

    private static string? ReadExtra(ref Utf8JsonReader reader, LogRecord record, int nameStart, int nameLength)
    {
        var (start, length) = RawRange(ref reader);
        record.AddExtra(nameStart, nameLength, start, length);
        return null;
    }

    /// <summary>The range of the current value as raw JSON; objects and arrays are skipped to their end.</summary>
    private static (int Start, int Length) RawRange(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return (start, (int)reader.BytesConsumed - start);
        }

        return (start, reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length);
    }

    private static string? ReadDuration(ref Utf8JsonReader reader, LogRecord record)
    {
        double value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out value):
            case JsonTokenType.String when !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length:
                break;
            default:
                return $"field 'duration_ms' must be a number of milliseconds, not {DescribeValue(ref reader)}";
        }

        if (!double.IsFinite(value) || value < 0)
        {
            return $"field 'duration_ms' must be a finite number of milliseconds, 0 or more (was {value.ToString(CultureInfo.InvariantCulture)})";
        }

        record.DurationMs = value;
        return null;
    }

    private static string? ReadStatusCode(ref Utf8JsonReader reader, LogRecord record)
    {
        int value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt32(out value):
            case JsonTokenType.String when !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out value, out var used) && used == reader.ValueSpan.Length:
                break;
            default:
                return $"field 'status_code' must be an integer HTTP status, not {DescribeValue(ref reader)}";
        }

        if (value is < 100 or > 599)
        {
            return $"field 'status_code' must be an HTTP status from 100 to 599 (was {value.ToString(CultureInfo.InvariantCulture)})";
        }

        record.StatusCode = value;
        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.None => "nothing",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string DescribeValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            return $"{Describe(reader.TokenType)} ({DefaultRedaction.Excerpt(text, 43)})"; // secrets masked before the excerpt is cut
        }

        return reader.TokenType == JsonTokenType.StartObject ? "an object" : Describe(reader.TokenType);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd();
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> span)
    {
        var offset = 0;
        while (offset < span.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
