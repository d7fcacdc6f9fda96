namespace Observability;

/// <summary>How urgent an alert is, in increasing order.</summary>
public enum AlertSeverity
{
    /// <summary>For reports only.</summary>
    Info = 0,

    /// <summary>Worth a look in working hours.</summary>
    Warning = 1,

    /// <summary>Something is failing.</summary>
    Error = 2,

    /// <summary>Act now.</summary>
    Critical = 3,
}
