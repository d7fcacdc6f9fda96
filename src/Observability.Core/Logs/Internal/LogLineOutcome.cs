namespace Observability.Internal;

/// <summary>What became of one line: a record, a rejection, or nothing (an empty line).</summary>
internal readonly record struct LogLineOutcome(LogRecord? Record, RejectedLogLine? Rejected)
{
    public bool IsEmpty => Record is null && Rejected is null;
}
