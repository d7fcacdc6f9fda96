namespace Observability;

/// <summary>The layout of a snapshot file read by the <see cref="FileCollector"/>.</summary>
public enum SnapshotFileFormat
{
    /// <summary>
    /// Chosen from the extension (<c>.csv</c> is CSV; <c>.jsonl</c>, <c>.ndjson</c> and <c>.json</c> are JSON lines);
    /// for any other extension, JSON lines when the first non-blank character is <c>{</c>, CSV otherwise.
    /// </summary>
    Auto = 0,

    /// <summary>
    /// CSV with a header line: a required <c>timestamp</c> column, optional <c>source</c>, <c>quality</c> and
    /// <c>quality_reason</c> columns, and one column per metric.
    /// </summary>
    Csv = 1,

    /// <summary>
    /// One JSON object per line, with a <c>timestamp</c> and either a <c>metrics</c> object or numeric
    /// top-level properties.
    /// </summary>
    JsonLines = 2,
}
