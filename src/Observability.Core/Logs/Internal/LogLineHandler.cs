namespace Observability.Internal;

/// <summary>
/// The per-line steps shared by the batch and streaming readers: line ending and BOM, empty lines, length limit,
/// parsing and counting.
/// </summary>
internal static class LogLineHandler
{
    /// <summary>Handles a line the caller owns (it stays alive as long as its record).</summary>
    public static LogLineOutcome Handle(ReadOnlyMemory<byte> line, long lineNumber, StructuredLogOptions options, LogIngestionStatistics statistics, LinePermits? bucket)
    {
        line = Trim(line, lineNumber);
        if (IsBlank(line.Span))
        {
            statistics.CountEmpty();
            return default;
        }

        if (line.Length > options.MaxLineLength)
        {
            return Reject(statistics, TooLong(lineNumber, line.Length, options.MaxLineLength));
        }

        if (bucket is not null && !bucket.TryTake())
        {
            return Reject(statistics, new RejectedLogLine(lineNumber, LogRejectReason.RateLimited, "the rate limit allowed no more lines"));
        }

        var record = LogLineParser.Parse(line, lineNumber, options.RequireTimestamp, out var reason, out var message);
        if (record is null)
        {
            return Reject(statistics, new RejectedLogLine(lineNumber, reason, message!));
        }

        statistics.CountParsed(record.Level);
        return new LogLineOutcome(record, null);
    }

    public static RejectedLogLine TooLong(long lineNumber, long length, int maxLineLength)
        => new(lineNumber, LogRejectReason.LineTooLong, $"the line is {length} bytes long, more than the maximum of {maxLineLength}; it was skipped");

    public static LogLineOutcome Reject(LogIngestionStatistics statistics, RejectedLogLine rejected)
    {
        statistics.CountRejected(rejected);
        return new LogLineOutcome(null, rejected);
    }

    /// <summary>Drops a trailing carriage return, and a UTF-8 byte order mark on the first line.</summary>
    public static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line, long lineNumber)
    {
        if (line.Length > 0 && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (lineNumber == 1 && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
        }

        return line;
    }

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;
}
