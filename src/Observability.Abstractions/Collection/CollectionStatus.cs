namespace Observability;

/// <summary>The outcome of one collection.</summary>
public enum CollectionStatus
{
    /// <summary>Every snapshot was read.</summary>
    Success = 0,

    /// <summary>Some snapshots were read and some input was rejected; see the errors.</summary>
    Partial = 1,

    /// <summary>The source answered, but had nothing for the window.</summary>
    NoData = 2,

    /// <summary>The source could not be read.</summary>
    Failed = 3,
}
