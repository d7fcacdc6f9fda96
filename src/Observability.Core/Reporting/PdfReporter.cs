using Observability.Internal;
using Observability.Internal.Pdf;

namespace Observability;

/// <summary>
/// Writes the health report as a PDF (<c>health-report.pdf</c>): the verdict and its reasons, the scores, the SLO
/// table, the dashboard's charts, the daily table when given a week, and the operational report's sections; and the
/// weekly summary alone (<c>weekly_summary.pdf</c>). The figures are the report's own, printed by the same formatter
/// as the dashboard, so the PDF, the page and the JSON agree.
/// </summary>
/// <remarks>
/// The PDF is written by a small PDF 1.4 writer of this library: text in the PDF standard fonts Helvetica and
/// Helvetica-Bold (WinAnsi), which every reader has, so no font is embedded, no font file or browser is needed on the
/// machine, and the text extracts with any PDF text tool; charts are vector lines of the points the dashboard draws (a long
/// series thinned to the lowest and highest value of each time slice). Characters outside WinAnsi print as their nearest ASCII or <c>?</c>.
/// </remarks>
public sealed class PdfReporter : IReporter, IFileNamedReporter
{
    private readonly PdfReporterOptions _options;
    private readonly ThresholdOptions _thresholds;
    private readonly string _fileName;

    /// <summary>Initializes a new instance of the <see cref="PdfReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    /// <param name="thresholds">The thresholds drawn on the charts: the pass's own.</param>
    public PdfReporter(PdfReporterOptions options, ThresholdOptions thresholds)
        : this(options, thresholds, PdfReporterOptions.DefaultName, new ReportingOptions().FileName)
    {
    }

    internal PdfReporter(PdfReporterOptions options, ThresholdOptions thresholds, string name, string reportFileName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(thresholds);
        _options = options;
        _thresholds = thresholds;
        (Format, var fileName) = ReporterRegistration.Identity(PdfReporterOptions.DefaultName, name, options.FileName, reportFileName);
        _fileName = fileName ?? reportFileName;
    }

    /// <inheritdoc />
    /// <remarks><c>pdf</c>, or <c>pdf:{name}</c> for a reporter registered with a name of its own.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "pdf";

    string? IFileNamedReporter.FileName => _fileName;

    /// <inheritdoc />
    public Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
        => WriteAsync(report, null, destination, cancellationToken);

    /// <summary>Writes the PDF of a health report and, when there is one, its week's daily table.</summary>
    /// <param name="report">The report.</param>
    /// <param name="week">The week, or <see langword="null"/>.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the PDF is written.</returns>
    public Task WriteAsync(HealthReport report, WeeklySummary? week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        return destination.WriteAsync(PdfReport.Render(report, week, _thresholds, _options.IncludeCharts, _options.IncludeOperationalReport), cancellationToken).AsTask();
    }

    /// <summary>Writes the PDF of the weekly summary alone.</summary>
    /// <param name="week">The week, with its <see cref="WeeklySummary.DailySummaries"/>.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the PDF is written.</returns>
    public Task WriteWeeklyAsync(WeeklySummary week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        return destination.WriteAsync(PdfReport.RenderWeek(week), cancellationToken).AsTask();
    }

    /// <summary>
    /// Writes the report's PDF (with the week, when given) to <c>{FileName}.pdf</c> in <paramref name="directory"/>, and
    /// the week alone to <c>weekly_summary.pdf</c>, each replaced atomically.
    /// </summary>
    /// <param name="directory">The output folder, created when missing.</param>
    /// <param name="report">The report.</param>
    /// <param name="week">The week, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The paths written, the report first.</returns>
    public async Task<IReadOnlyList<string>> WriteFilesAsync(string directory, HealthReport report, WeeklySummary? week, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, _fileName + ".pdf");
        await AtomicFile.WriteAsync(path, (s, ct) => WriteAsync(report, week, s, ct), cancellationToken).ConfigureAwait(false);
        if (week is null)
        {
            return [path];
        }

        var weekly = Path.Combine(directory, SummaryReporter.WeeklyFileName + ".pdf");
        await AtomicFile.WriteAsync(weekly, (s, ct) => WriteWeeklyAsync(week, s, ct), cancellationToken).ConfigureAwait(false);
        return [path, weekly];
    }
}
