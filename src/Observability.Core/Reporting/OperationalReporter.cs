using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes the operational report of the telemetry-engine spec as <c>operational_report.json</c> and
/// <c>operational_report.md</c>: executive summary with the health score; performance (the latency distribution
/// p50/p95/p99, a histogram of the snapshots' p95 and p99, throughput); SLO compliance with each SLO's burn-down by day
/// (compliance, budget consumed, budget left) and days to exhaustion; error analysis (the rules that fired most on
/// the snapshots, the error taxonomy by category, including CI error lines per category
/// <c>ci_error_lines@&lt;category&gt;</c>); regional analysis (latency and errors per region from
/// <c>metric@region</c> series, and each region's drift; "no regional data" without them); regression likelihood with
/// its factors; recommendations. The <see cref="PdfReporter"/> prints the same sections.
/// </summary>
/// <remarks>
/// Every figure is the <see cref="HealthReport"/>'s own (scores, compliance, budgets, burn rates, metric statistics,
/// <see cref="HealthReport.RegionalDrift"/>, <see cref="HealthReport.Regression"/>); the report only counts and groups
/// them. The daily compliance of the burn-down needs the week (<see cref="WriteFilesAsync"/>); without it that column is empty.
/// </remarks>
public sealed class OperationalReporter : IReporter, IReportFiles
{
    private readonly OperationalReporterOptions _options;
    private readonly string _fileName;

    /// <summary>Initializes a new instance of the <see cref="OperationalReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    public OperationalReporter(OperationalReporterOptions options)
        : this(options, OperationalReporterOptions.DefaultName)
    {
    }

    internal OperationalReporter(OperationalReporterOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        (Format, var fileName) = ReporterRegistration.Identity(OperationalReporterOptions.DefaultName, name, options.FileName, OperationalReport.DefaultFileName);
        _fileName = fileName ?? OperationalReport.DefaultFileName;
    }

    /// <inheritdoc />
    /// <remarks><c>operational</c>, or <c>operational:{name}</c> for a reporter registered with a name of its own; its files are <c>{Format}.json</c> and <c>{Format}.md</c>.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "json";

    /// <summary>Writes the JSON operational report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the report is written.</returns>
    public Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
        => WriteJsonAsync(report, null, destination, cancellationToken);

    /// <summary>
    /// Writes the chosen formats (<c>{FileName}.json</c>, <c>{FileName}.md</c>) of the report with its week into
    /// <paramref name="directory"/>, each replaced atomically.
    /// </summary>
    /// <param name="directory">The output folder, created when missing.</param>
    /// <param name="report">The report.</param>
    /// <param name="week">The week (its daily compliance fills the burn-down tables), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The paths written.</returns>
    public async Task<IReadOnlyList<string>> WriteFilesAsync(string directory, HealthReport report, WeeklySummary? week, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var written = new List<string>(2);
        foreach (var file in FilesFor(week))
        {
            var path = Path.Combine(directory, $"{file.FileName}.{file.Extension}");
            await AtomicFile.WriteAsync(path, (s, ct) => file.Write(report, s, ct), cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    IReadOnlyList<ReportFile> IReportFiles.Files(string defaultFileName) => FilesFor(null);

    private List<ReportFile> FilesFor(WeeklySummary? week)
    {
        var files = new List<ReportFile>(2);
        if (_options.WriteJson)
        {
            files.Add(new ReportFile(Format, _fileName, "json", (r, s, ct) => WriteJsonAsync(r, week, s, ct)));
        }

        if (_options.WriteMarkdown)
        {
            files.Add(new ReportFile(Format + "_md", _fileName, "md", (r, s, ct) => WriteMarkdownAsync(r, week, s, ct)));
        }

        return files;
    }

    private static Task WriteJsonAsync(HealthReport report, WeeklySummary? week, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportOutput.WriteBufferedAsync(
            s =>
            {
                OperationalReportJson.Write(OperationalReport.Build(report, week), s);
                s.WriteByte((byte)'\n');
            },
            destination,
            cancellationToken);
    }

    private static Task WriteMarkdownAsync(HealthReport report, WeeklySummary? week, Stream destination, CancellationToken cancellationToken)
        => ReportOutput.WriteTextAsync(OperationalReportMarkdown.Render(OperationalReport.Build(report, week)), destination, cancellationToken);
}
