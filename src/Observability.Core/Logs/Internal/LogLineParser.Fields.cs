using System.Globalization;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>Field names, timestamps and levels.</summary>
internal static partial class LogLineParser
{
    private const double EpochMillisecondsFrom = 1e11; // below: seconds (1e11 s is the year 5138); above: milliseconds

    private enum KnownName
    {
        Unknown,
        Timestamp,
        Level,
        DurationMs,
        StatusCode,
        FirstText,
    }

    private static KnownName Text(LogField field) => KnownName.FirstText + (int)field;

    private static KnownName Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("ts"u8) => KnownName.Timestamp,
        3 when name.SequenceEqual("msg"u8) => Text(LogField.Message),
        3 when name.SequenceEqual("cmd"u8) => Text(LogField.Cmd),
        4 when name.SequenceEqual("time"u8) => KnownName.Timestamp,
        5 when name.SequenceEqual("level"u8) => KnownName.Level,
        5 when name.SequenceEqual("route"u8) => Text(LogField.Route),
        5 when name.SequenceEqual("error"u8) => Text(LogField.Error),
        6 when name.SequenceEqual("region"u8) => Text(LogField.Region),
        6 when name.SequenceEqual("method"u8) => Text(LogField.Method),
        7 when name.SequenceEqual("service"u8) => Text(LogField.Service),
        7 when name.SequenceEqual("message"u8) => Text(LogField.Message),
        7 when name.SequenceEqual("span_id"u8) => Text(LogField.SpanId),
        7 when name.SequenceEqual("user_id"u8) => Text(LogField.UserId),
        8 when name.SequenceEqual("trace_id"u8) => Text(LogField.TraceId),
        8 when name.SequenceEqual("severity"u8) => KnownName.Level,
        9 when name.SequenceEqual("timestamp"u8) => KnownName.Timestamp,
        10 when name.SequenceEqual("@timestamp"u8) => KnownName.Timestamp,
        10 when name.SequenceEqual("error_type"u8) => Text(LogField.ErrorType),
        11 when name.SequenceEqual("duration_ms"u8) => KnownName.DurationMs,
        11 when name.SequenceEqual("status_code"u8) => KnownName.StatusCode,
        11 when name.SequenceEqual("stack_trace"u8) => Text(LogField.StackTrace),
        14 when name.SequenceEqual("correlation_id"u8) => Text(LogField.CorrelationId),
        _ => KnownName.Unknown,
    };

    private static KnownName ClassifyEscaped(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > 64)
        {
            return KnownName.Unknown;
        }

        Span<byte> buffer = stackalloc byte[64];
        var written = reader.CopyString(buffer);
        return Classify(buffer[..written]);
    }

    private static string? ReadTimestamp(ref Utf8JsonReader reader, LogRecord record)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when TryReadTimestamp(ref reader, out var time):
                record.Timestamp = time;
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var epoch) && TryFromEpoch(epoch, out var time):
                record.Timestamp = time;
                return null;
            default:
                return $"field 'timestamp' must be an ISO 8601 date and time or a Unix time in seconds or milliseconds, not {DescribeValue(ref reader)}";
        }
    }

    /// <summary>ISO 8601; a time without an offset is taken as UTC (never the machine's zone).</summary>
    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        var value = reader.ValueSpan;
        if (!reader.ValueIsEscaped && value.Length >= 10)
        {
            if (FastIsoTimestamp.TryParse(value, out time))
            {
                return true;
            }

            if (HasOffset(value))
            {
                if (reader.TryGetDateTimeOffset(out time))
                {
                    return true;
                }
            }
            else if (reader.TryGetDateTime(out var local))
            {
                time = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
                return true;
            }
        }

        // Slow path: "2025-11-17 10:00:00", escaped text and the like.
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            && reader.ValueSpan.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;
    }

    private static bool HasOffset(ReadOnlySpan<byte> value)
        => value[^1] is (byte)'Z' or (byte)'z' || value[10..].IndexOfAny((byte)'+', (byte)'-') >= 0;

    private static bool TryFromEpoch(double epoch, out DateTimeOffset time)
    {
        var milliseconds = epoch >= EpochMillisecondsFrom ? epoch : epoch * 1000;
        if (!double.IsFinite(milliseconds) || milliseconds < 0 || milliseconds > 253402300799999)
        {
            time = default;
            return false;
        }

        time = DateTimeOffset.UnixEpoch.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
        return true;
    }

    private static string? ReadLevel(ref Utf8JsonReader reader, LogRecord record)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                record.Level = reader.ValueIsEscaped ? LogSeverityParser.Parse(reader.GetString()) : LogSeverityParser.Parse(reader.ValueSpan);
                return ReadText(ref reader, record, LogField.Level);
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                record.Level = LogSeverityParser.FromNumber(number);
                return ReadText(ref reader, record, LogField.Level);
            default:
                return $"field 'level' must be a string or a number, not {DescribeValue(ref reader)}";
        }
    }
}
