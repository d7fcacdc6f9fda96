namespace Observability;

/// <summary>One test case result from a JUnit or TRX file.</summary>
/// <param name="Name">The full name (JUnit: <c>classname.name</c>; TRX: <c>testName</c>).</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Duration">How long it ran, when the file says.</param>
/// <param name="Message">The failure or skip message, when there is one.</param>
public sealed record TestCaseResult(string Name, TestCaseOutcome Outcome, TimeSpan? Duration, string? Message)
{
    /// <summary>Gets a value indicating whether the case failed at least once before passing (JUnit <c>flakyFailure</c>/<c>flakyError</c>, or a passing <c>rerunFailure</c>).</summary>
    public bool Flaky { get; init; }
}
