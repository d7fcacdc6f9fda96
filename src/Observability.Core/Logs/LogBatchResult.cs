namespace Observability;

/// <summary>The outcome of parsing one batch of log lines: the records, the rejected lines and the counts.</summary>
public sealed class LogBatchResult
{
    internal LogBatchResult(IReadOnlyList<LogRecord> records, IReadOnlyList<RejectedLogLine> rejected, LogIngestionStatistics statistics)
    {
        Records = records;
        Rejected = rejected;
        Statistics = statistics;
    }

    /// <summary>Gets the parsed records, in input order.</summary>
    public IReadOnlyList<LogRecord> Records { get; }

    /// <summary>Gets every rejected line of the batch, in input order.</summary>
    public IReadOnlyList<RejectedLogLine> Rejected { get; }

    /// <summary>Gets the counts of the batch (for a streamed batch: of the whole stream so far).</summary>
    public LogIngestionStatistics Statistics { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Records.Count} records, {Rejected.Count} rejected ({Statistics})";
}
