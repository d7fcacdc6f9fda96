namespace Observability;

/// <summary>The test results of one JUnit XML or TRX file.</summary>
public sealed class TestResultSummary
{
    /// <summary>Gets the file (or other source) the results came from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the format: <c>junit</c> or <c>trx</c>.</summary>
    public required string Format { get; init; }

    /// <summary>Gets when the run finished (TRX <c>Times/@finish</c>, JUnit <c>timestamp</c> plus <c>time</c>), if the file says.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Gets every result in file order; a retried test appears once per attempt.</summary>
    public IReadOnlyList<TestCaseResult> Tests { get; init; } = [];

    /// <summary>Gets the number of passing results.</summary>
    public int Passed => Tests.Count(static t => t.Outcome == TestCaseOutcome.Passed);

    /// <summary>Gets the number of failing results.</summary>
    public int Failed => Tests.Count(static t => t.Outcome == TestCaseOutcome.Failed);

    /// <summary>Gets the number of skipped results.</summary>
    public int Skipped => Tests.Count(static t => t.Outcome == TestCaseOutcome.Skipped);

    /// <summary>Gets the number of results.</summary>
    public int Total => Tests.Count;

    /// <summary>Gets the sum of the test durations.</summary>
    public TimeSpan Duration => Tests.Aggregate(TimeSpan.Zero, static (sum, t) => sum + (t.Duration ?? TimeSpan.Zero));

    /// <summary>
    /// Gets the names of flaky tests, sorted: those marked flaky, and those that failed and then passed under the
    /// same name in the same file (a retry).
    /// </summary>
    public IReadOnlyList<string> FlakyTests { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Source} ({Format}): {Passed} passed, {Failed} failed, {Skipped} skipped, {FlakyTests.Count} flaky";
}
