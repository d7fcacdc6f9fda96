namespace Observability;

/// <summary>The metric names <see cref="CiLogCollector"/> writes besides <see cref="WellKnownMetrics"/> and the rule counters.</summary>
public static class CiLogMetrics
{
    /// <summary>Error lines (<c>##[error]</c>, <c>::error::</c>) in the run.</summary>
    public const string ErrorLines = "ci_error_lines";

    /// <summary>
    /// Names the count of the run's error lines that the <see cref="ICiErrorClassifier"/> put in one category, for example
    /// <c>ci_error_lines@timeout</c> (see <see cref="WellKnownMetrics.ForRegion"/>). A snapshot carries one for each
    /// category that occurred; they add up to <see cref="ErrorLines"/>.
    /// </summary>
    /// <param name="category">The category, for example <see cref="CiErrorCategories.Timeout"/>.</param>
    /// <returns>The metric name.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> is <see langword="null"/>, empty or blank.</exception>
    public static string ErrorLinesIn(string category) => WellKnownMetrics.ForRegion(ErrorLines, category);

    /// <summary>Warning lines (<c>##[warning]</c>, <c>::warning::</c>) in the run.</summary>
    public const string WarningLines = "ci_warning_lines";

    /// <summary>Seconds from the first to the last timestamp of the run.</summary>
    public const string DurationSeconds = "ci_duration_seconds";

    /// <summary>Passing test results.</summary>
    public const string TestsPassed = "tests_passed";

    /// <summary>Failing test results.</summary>
    public const string TestsFailed = "tests_failed";

    /// <summary>Skipped test results.</summary>
    public const string TestsSkipped = "tests_skipped";

    /// <summary>All test results.</summary>
    public const string TestsTotal = "tests_total";

    /// <summary>Flaky tests (failed, then passed on a retry).</summary>
    public const string TestsFlaky = "tests_flaky";

    /// <summary>Sum of the test durations, in seconds.</summary>
    public const string TestsDurationSeconds = "tests_duration_seconds";
}
