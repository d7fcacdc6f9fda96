namespace Observability;

/// <summary>How much of a snapshot the source actually delivered.</summary>
public enum DataQualityStatus
{
    /// <summary>Every expected metric is present.</summary>
    Complete = 0,

    /// <summary>Some metrics are present and some are missing or invalid.</summary>
    Partial = 1,

    /// <summary>The source answered but delivered no values.</summary>
    Empty = 2,

    /// <summary>The source could not be read at all.</summary>
    Failed = 3,
}
