namespace Observability;

/// <summary>What kind of regression a set of before/after deltas shows.</summary>
public enum RegressionKind
{
    /// <summary>Every measured delta is within its tolerance: nothing regressed.</summary>
    Benign = 0,

    /// <summary>The release itself got slower or heavier (CPU, memory, latency with healthy dependencies, a young deployment): a rollback can fix it.</summary>
    PerformanceRegression = 1,

    /// <summary>Something around the release changed (slower external API or database, timeouts and retries, config or dependency changes): a rollback will not fix it.</summary>
    EnvironmentRegression = 2,

    /// <summary>None of the behaviour features was measured: there is nothing to classify. Its own answer, like <see cref="Decision.NoData"/>.</summary>
    InsufficientData = 3,
}
