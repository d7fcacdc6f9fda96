namespace Observability;

/// <summary>
/// Counts of one ingestion: lines, bytes, parsed and rejected lines (by reason), parsed lines by level, and the
/// first rejected lines one by one. A streaming reader updates it as it goes, from the thread that enumerates;
/// read it from that thread (between records or after the end). Every line is counted exactly once: as empty,
/// parsed or rejected.
/// </summary>
public sealed class LogIngestionStatistics
{
    private readonly long[] _rejected = new long[Enum.GetValues<LogRejectReason>().Length];
    private readonly long[] _levels = new long[Enum.GetValues<LogSeverity>().Length];
    private readonly List<RejectedLogLine> _rejections = [];
    private readonly int _maxRecordedRejections;

    /// <summary>Initializes a new instance of the <see cref="LogIngestionStatistics"/> class.</summary>
    /// <param name="maxRecordedRejections">How many rejected lines to keep one by one; 0 or more.</param>
    public LogIngestionStatistics(int maxRecordedRejections = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecordedRejections);
        _maxRecordedRejections = maxRecordedRejections;
    }

    /// <summary>Gets the lines read: empty, parsed and rejected.</summary>
    public long Lines { get; private set; }

    /// <summary>Gets the bytes read, line endings included.</summary>
    public long Bytes { get; private set; }

    /// <summary>Gets the empty (or whitespace-only) lines, which are skipped.</summary>
    public long EmptyLines { get; private set; }

    /// <summary>Gets the lines that became a <see cref="LogRecord"/>.</summary>
    public long Parsed { get; private set; }

    /// <summary>Gets the rejected lines, all reasons together.</summary>
    public long Rejected { get; private set; }

    /// <summary>Gets the rejected lines by reason (reasons with none are left out).</summary>
    public IReadOnlyDictionary<LogRejectReason, long> RejectedByReason => ToDictionary<LogRejectReason>(_rejected);

    /// <summary>Gets the parsed lines by level (levels with none are left out).</summary>
    public IReadOnlyDictionary<LogSeverity, long> ParsedByLevel => ToDictionary<LogSeverity>(_levels);

    /// <summary>Gets the first rejected lines, in input order, at most the number given at construction.</summary>
    public IReadOnlyList<RejectedLogLine> Rejections => _rejections;

    /// <summary>Gets the number of lines rejected for one reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long RejectedFor(LogRejectReason reason) => (uint)reason < (uint)_rejected.Length ? _rejected[(int)reason] : 0;

    /// <summary>Gets the number of parsed lines of one level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The count.</returns>
    public long ParsedAt(LogSeverity level) => (uint)level < (uint)_levels.Length ? _levels[(int)level] : 0;

    /// <inheritdoc />
    public override string ToString() => $"{Lines} lines ({Bytes} bytes): {Parsed} parsed, {Rejected} rejected, {EmptyLines} empty";

    internal void AddBytes(long bytes) => Bytes += bytes;

    internal void CountEmpty()
    {
        Lines++;
        EmptyLines++;
    }

    internal void CountParsed(LogSeverity level)
    {
        Lines++;
        Parsed++;
        _levels[(int)level]++;
        Internal.ObservabilityTelemetry.LogLines.Add(1, Internal.ObservabilityTelemetry.AcceptedLine);
    }

    internal void CountRejected(RejectedLogLine line)
    {
        Lines++;
        Rejected++;
        _rejected[(int)line.Reason]++;
        Internal.ObservabilityTelemetry.LogLines.Add(1, Internal.ObservabilityTelemetry.RejectedLine);
        if (_rejections.Count < _maxRecordedRejections)
        {
            _rejections.Add(line);
        }
    }

    private static Dictionary<TKey, long> ToDictionary<TKey>(long[] counts)
        where TKey : struct, Enum
    {
        var result = new Dictionary<TKey, long>();
        foreach (var key in Enum.GetValues<TKey>())
        {
            var count = counts[Convert.ToInt32(key, System.Globalization.CultureInfo.InvariantCulture)];
            if (count > 0)
            {
                result[key] = count;
            }
        }

        return result;
    }
}
