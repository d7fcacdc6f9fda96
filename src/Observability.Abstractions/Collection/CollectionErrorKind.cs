namespace Observability;

/// <summary>What kind of failure a collection met.</summary>
public enum CollectionErrorKind
{
    /// <summary>A failure that fits no other kind.</summary>
    Unknown = 0,

    /// <summary>The source could not be reached (connection refused, DNS, missing file).</summary>
    Unreachable = 1,

    /// <summary>The source did not answer in time.</summary>
    Timeout = 2,

    /// <summary>The source rejected the credentials.</summary>
    Unauthorized = 3,

    /// <summary>The query or request was malformed.</summary>
    BadQuery = 4,

    /// <summary>The source failed while executing a valid query.</summary>
    Execution = 5,

    /// <summary>Part of the input was malformed; the rest was kept.</summary>
    InvalidData = 6,

    /// <summary>The source had no data for the window.</summary>
    NoData = 7,

    /// <summary>The newest data is older than expected.</summary>
    Stale = 8,

    /// <summary>The source is throttling requests.</summary>
    RateLimited = 9,
}
