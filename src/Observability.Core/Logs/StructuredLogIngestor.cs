using System.Text;
using System.Text.Unicode;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Parses JSON log lines (one JSON object per line, UTF-8) into <see cref="LogRecord"/>s, in batches or as a
/// stream. A bad line never stops the rest: it is counted and reported with its line number and reason.
/// Line endings may be LF or CRLF; the last line needs no newline; empty lines are skipped and counted.
/// </summary>
public sealed partial class StructuredLogIngestor
{
    private readonly StructuredLogOptions _options;
    private readonly LinePermits? _bucket;

    /// <summary>Initializes a new instance of the <see cref="StructuredLogIngestor"/> class.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Copied.</param>
    /// <param name="timeProvider">The clock of the rate limit; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every problem.</exception>
    public StructuredLogIngestor(StructuredLogOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new StructuredLogOptions();
        var problems = StructuredLogOptionsValidator.Problems(options, "StructuredLogOptions");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = new StructuredLogOptions
        {
            MaxLineLength = options.MaxLineLength,
            RequireTimestamp = options.RequireTimestamp,
            RateLimitPerSecond = options.RateLimitPerSecond,
            RateLimitBurst = options.RateLimitBurst,
            MaxRecordedRejections = options.MaxRecordedRejections,
            RateLimiter = options.RateLimiter,
        };
        _bucket = LinePermits.From(_options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Parses a batch of UTF-8 lines separated by LF or CRLF. Each line is copied once, into chunks the records share.
    /// </summary>
    /// <param name="utf8Lines">The lines.</param>
    /// <returns>The records, every rejected line, and the counts of this batch.</returns>
    public LogBatchResult ParseBatch(ReadOnlySpan<byte> utf8Lines)
    {
        var statistics = NewStatistics();
        statistics.AddBytes(utf8Lines.Length);
        var records = new List<LogRecord>();
        var rejected = new List<RejectedLogLine>();
        var chunk = new LineChunk();
        long lineNumber = 0;
        var rest = utf8Lines;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            lineNumber++;
            var outcome = line.Length > _options.MaxLineLength + 1
                ? LogLineHandler.Reject(statistics, LogLineHandler.TooLong(lineNumber, line.Length, _options.MaxLineLength))
                : LogLineHandler.Handle(chunk.Copy(line), lineNumber, _options, statistics, _bucket);
            Add(outcome, records, rejected);
        }

        return new LogBatchResult(records, rejected, statistics);
    }

    /// <summary>Parses a batch of lines given as strings, one line each (line numbers count from 1).</summary>
    /// <param name="lines">The lines; a <see langword="null"/> entry counts as an empty line.</param>
    /// <returns>The records, every rejected line, and the counts of this batch.</returns>
    public LogBatchResult ParseBatch(IReadOnlyList<string?> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var total = 0L;
        foreach (var line in lines)
        {
            total += line is null ? 0 : Encoding.UTF8.GetByteCount(line);
        }

        var buffer = new byte[total];
        var statistics = NewStatistics();
        var records = new List<LogRecord>(lines.Count);
        var rejected = new List<RejectedLogLine>();
        var offset = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i] ?? string.Empty;
            if (Utf8.FromUtf16(text, buffer.AsSpan(offset), out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            {
                statistics.AddBytes(written);
                Add(LogLineHandler.Reject(statistics, new RejectedLogLine(i + 1, LogRejectReason.InvalidUtf8, "the line holds an unpaired UTF-16 surrogate and cannot be UTF-8")), records, rejected);
                continue;
            }

            statistics.AddBytes(written);
            Add(LogLineHandler.Handle(buffer.AsMemory(offset, written), i + 1, _options, statistics, _bucket), records, rejected);
            offset += written;
        }

        return new LogBatchResult(records, rejected, statistics);
    }

    /// <summary>Creates statistics that keep as many rejected lines as the options say.</summary>
    /// <returns>Empty statistics.</returns>
    public LogIngestionStatistics CreateStatistics() => NewStatistics();

    private LogIngestionStatistics NewStatistics() => new(_options.MaxRecordedRejections);

    private static void Add(LogLineOutcome outcome, List<LogRecord> records, List<RejectedLogLine> rejected)
    {
        if (outcome.Record is not null)
        {
            records.Add(outcome.Record);
        }
        else if (outcome.Rejected is not null)
        {
            rejected.Add(outcome.Rejected);
        }
    }
}
