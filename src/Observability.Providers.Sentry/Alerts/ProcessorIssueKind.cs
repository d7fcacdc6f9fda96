namespace Observability;

/// <summary>What is wrong with a processor (payment provider, job runner) a release depends on.</summary>
public enum ProcessorIssueKind
{
    /// <summary>Jobs stay in progress far longer than usual (warning).</summary>
    StuckJobs = 0,

    /// <summary>The processor answers slowly (warning).</summary>
    HighLatency = 1,

    /// <summary>The processor rate-limits the release (warning).</summary>
    RateLimited = 2,

    /// <summary>The release cannot reach the processor (error).</summary>
    ConnectionFailure = 3,
}
