using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes <c>dashboard.html</c>: one self-contained page (inline CSS and SVG; no script, font, image or
/// external link, so it works offline and from static hosting) with the verdict and its reasons first, then
/// charts of availability with its SLO, error rate with its thresholds, p95 and p99 latency with the latency
/// SLO, the error budget burning down and the health score per snapshot, with anomalies, change points and
/// data gaps marked, the SLO table and, when given a week, the daily table.
/// </summary>
/// <remarks>
/// Every figure comes from the <see cref="HealthReport"/> (its <see cref="HealthReport.Timeline"/>,
/// <see cref="HealthReport.Slos"/> and findings) or the <see cref="WeeklySummary"/>, printed by the same
/// formatter as the Markdown report. The thresholds drawn are the pass's <see cref="ThresholdOptions"/>.
/// Each chart is an <c>svg</c> with <c>role="img"</c>, a <c>title</c> and a <c>desc</c> summarising its data;
/// each point drawn is a <c>circle</c> with its time and value. A series longer than 1,600 points is drawn as the lowest and
/// highest value of each of 800 time slices (every spike and dip stays visible; every value is in the JSON and the CSV).
/// </remarks>
public sealed class HtmlReporter : IReporter, IFileNamedReporter
{
    private readonly ThresholdOptions _thresholds;
    private readonly string _fileName;

    /// <summary>Initializes a new instance of the <see cref="HtmlReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    /// <param name="thresholds">The thresholds drawn on the charts: the pass's own.</param>
    public HtmlReporter(HtmlReporterOptions options, ThresholdOptions thresholds)
        : this(options, thresholds, HtmlReporterOptions.DefaultName)
    {
    }

    internal HtmlReporter(HtmlReporterOptions options, ThresholdOptions thresholds, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(thresholds);
        _thresholds = thresholds;
        (Format, var fileName) = ReporterRegistration.Identity(HtmlReporterOptions.DefaultName, name, options.FileName, HtmlReporterOptions.DefaultFileName);
        _fileName = fileName ?? HtmlReporterOptions.DefaultFileName;
    }

    /// <inheritdoc />
    /// <remarks><c>html</c>, or <c>html:{name}</c> for a reporter registered with a name of its own.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "html";

    string? IFileNamedReporter.FileName => _fileName;

    /// <inheritdoc />
    public Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
        => WriteAsync(report, null, destination, cancellationToken);

    /// <summary>Writes the dashboard of a health report and, when there is one, its week.</summary>
    /// <param name="report">The report.</param>
    /// <param name="week">The week, with its <see cref="WeeklySummary.DailySummaries"/>; or <see langword="null"/>.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the page is written.</returns>
    public Task WriteAsync(HealthReport report, WeeklySummary? week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportOutput.WriteTextAsync(DashboardHtml.Render(report, week, _thresholds), destination, cancellationToken);
    }

    /// <summary>Writes a page of the weekly summary alone (for printing to PDF, for example).</summary>
    /// <param name="week">The week, with its <see cref="WeeklySummary.DailySummaries"/>.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the page is written.</returns>
    public Task WriteWeeklyAsync(WeeklySummary week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        return ReportOutput.WriteTextAsync(DashboardHtml.RenderWeek(week), destination, cancellationToken);
    }

    /// <summary>
    /// Writes the dashboard (with the week, when given) to <c>{FileName}.html</c> in <paramref name="directory"/>,
    /// and the week alone to <c>weekly_summary.html</c>, each replaced atomically.
    /// </summary>
    /// <param name="directory">The output folder, created when missing.</param>
    /// <param name="report">The report.</param>
    /// <param name="week">The week, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The paths written, the dashboard first.</returns>
    public async Task<IReadOnlyList<string>> WriteFilesAsync(string directory, HealthReport report, WeeklySummary? week, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var dashboard = Path.Combine(directory, _fileName + ".html");
        await AtomicFile.WriteAsync(dashboard, (s, ct) => WriteAsync(report, week, s, ct), cancellationToken).ConfigureAwait(false);
        if (week is null)
        {
            return [dashboard];
        }

        var weekly = Path.Combine(directory, SummaryReporter.WeeklyFileName + ".html");
        await AtomicFile.WriteAsync(weekly, (s, ct) => WriteWeeklyAsync(week, s, ct), cancellationToken).ConfigureAwait(false);
        return [dashboard, weekly];
    }
}
