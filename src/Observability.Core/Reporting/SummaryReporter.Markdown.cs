using Observability.Internal;

namespace Observability;

/// <content>The weekly summary as Markdown.</content>
public sealed partial class SummaryReporter
{
    /// <summary>
    /// Writes a weekly summary as Markdown for a person, laid out as the stability monitor spec's sample:
    /// a title and header (<b>Version</b>, <b>Monitoring Window</b>, <b>Duration</b>, <b>Baseline</b>),
    /// <c>## Executive Summary</c> (stability score, overall grade, whether to roll back and why),
    /// <c>## Key Metrics</c> (value, target and ✅ PASS / ❌ FAIL for availability, error rate, p99 latency,
    /// drift, critical alerts and degraded days, against the targets the summary was built with),
    /// <c>## Trends</c>, <c>## Daily Breakdown</c>, numbered <c>## Recommendations</c> and
    /// <c>## Action Items</c> as checkboxes. Unknown values are shown as <c>n/a</c>.
    /// </summary>
    /// <remarks>
    /// The overall grade is the stability score's letter with a label: A (90+) Excellent, B (80+) Good,
    /// C (70+) Fair, D (60+) Poor, F Failing. The numbers are the JSON's, rounded for reading.
    /// </remarks>
    /// <param name="week">The week.</param>
    /// <param name="days">The daily summaries the week was built from, for the per-day table.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public async Task WriteMarkdownAsync(WeeklySummary week, IReadOnlyList<DailySummary> days, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(destination);
        var markdown = WeeklySummaryMarkdown.Build(week, days);
        var writer = new StreamWriter(destination, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(markdown.AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
