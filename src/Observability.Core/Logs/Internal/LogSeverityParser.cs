using System.Text;

namespace Observability.Internal;

/// <summary>Normalises level strings and pino's level numbers.</summary>
internal static class LogSeverityParser
{
    public static LogSeverity Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length is 0 or > 11)
        {
            return LogSeverity.Unknown;
        }

        Span<byte> lower = stackalloc byte[11];
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        return lower[..text.Length] switch
        {
            var t when t.SequenceEqual("info"u8) || t.SequenceEqual("information"u8) => LogSeverity.Information,
            var t when t.SequenceEqual("error"u8) || t.SequenceEqual("err"u8) || t.SequenceEqual("fail"u8) => LogSeverity.Error,
            var t when t.SequenceEqual("warn"u8) || t.SequenceEqual("warning"u8) => LogSeverity.Warning,
            var t when t.SequenceEqual("debug"u8) || t.SequenceEqual("dbug"u8) => LogSeverity.Debug,
            var t when t.SequenceEqual("trace"u8) || t.SequenceEqual("verbose"u8) || t.SequenceEqual("trce"u8) => LogSeverity.Trace,
            var t when t.SequenceEqual("fatal"u8) || t.SequenceEqual("critical"u8) || t.SequenceEqual("crit"u8) => LogSeverity.Fatal,
            _ => LogSeverity.Unknown,
        };
    }

    public static LogSeverity Parse(string? text) => text is null ? LogSeverity.Unknown : Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>pino: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.</summary>
    public static LogSeverity FromNumber(int number) => number switch
    {
        10 => LogSeverity.Trace,
        20 => LogSeverity.Debug,
        30 => LogSeverity.Information,
        40 => LogSeverity.Warning,
        50 => LogSeverity.Error,
        60 => LogSeverity.Fatal,
        _ => LogSeverity.Unknown,
    };
}
