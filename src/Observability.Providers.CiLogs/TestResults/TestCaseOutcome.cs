namespace Observability;

/// <summary>The outcome of one test case.</summary>
public enum TestCaseOutcome
{
    /// <summary>Passed (JUnit: no failure, error or skipped child; TRX: <c>Passed</c>, <c>PassedButRunAborted</c>).</summary>
    Passed = 0,

    /// <summary>Failed (JUnit: a <c>failure</c> or <c>error</c> child; TRX: <c>Failed</c>, <c>Error</c>, <c>Timeout</c>, <c>Aborted</c>).</summary>
    Failed = 1,

    /// <summary>Not run (JUnit: a <c>skipped</c> child; TRX: <c>NotExecuted</c>, <c>Inconclusive</c>, <c>Warning</c>, <c>Pending</c> and the rest).</summary>
    Skipped = 2,
}
