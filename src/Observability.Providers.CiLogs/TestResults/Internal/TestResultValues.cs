using System.Globalization;

namespace Observability.Internal;

/// <summary>Invariant parsing of the values test result files carry, and flaky-test detection.</summary>
internal static class TestResultValues
{
    public static DateTimeOffset? Timestamp(string? value)
        => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    /// <summary>A TRX duration such as <c>00:00:00.1084258</c>.</summary>
    public static TimeSpan? TimeSpanValue(string? value)
        => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero ? parsed : null;

    /// <summary>A JUnit <c>time</c> in seconds such as <c>0.019</c> (some writers add thousands separators: <c>1,234.5</c>).</summary>
    public static TimeSpan? Seconds(string? value)
        => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>Tests marked flaky, plus those that failed and later passed under the same name; sorted.</summary>
    public static IReadOnlyList<string> Flaky(IReadOnlyList<TestCaseResult> tests)
    {
        var flaky = new SortedSet<string>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            if (test.Flaky)
            {
                flaky.Add(test.Name);
            }

            if (test.Outcome == TestCaseOutcome.Failed)
            {
                failed.Add(test.Name);
            }
            else if (test.Outcome == TestCaseOutcome.Passed && failed.Contains(test.Name))
            {
                flaky.Add(test.Name);
            }
        }

        return [.. flaky];
    }
}
