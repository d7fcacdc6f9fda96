namespace Observability;

/// <summary>How a CI run (or job) ended, as read from its log.</summary>
public enum CiRunConclusion
{
    /// <summary>The log says nothing either way (no line read).</summary>
    Unknown = 0,

    /// <summary>No error marker: the run succeeded.</summary>
    Success = 1,

    /// <summary>At least one <c>##[error]</c> (for example <c>Process completed with exit code 1.</c>).</summary>
    Failure = 2,

    /// <summary>The run was cancelled (<c>The operation was canceled.</c>, a runner shutdown signal).</summary>
    Cancelled = 3,

    /// <summary>The run hit its time limit (<c>has timed out after N minutes</c>).</summary>
    TimedOut = 4,
}
