using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes the SLO violations of a pass (every <see cref="SloStatus.Violations"/> entry of the report) as
/// <c>slo_violations.json</c>, the detector export of the telemetry-engine spec, and <c>slo_violations.md</c>, the same
/// rows as a Markdown table ("No violations" when there are none); <see cref="SloViolationsReporterOptions"/> chooses which.
/// </summary>
/// <remarks>
/// <para>
/// The JSON is an object with <c>schema_version</c>, <c>service</c>, <c>environment</c> (when configured),
/// <c>generated_at</c>, <c>violation_count</c> (all violations of the window, including those the SLO evaluation
/// left out), <c>listed</c> and <c>violations</c>, oldest first. Each violation holds <c>slo</c>, <c>kind</c>
/// (<c>availability</c>, <c>error_rate</c>, <c>latency_percentile</c>), <c>severity</c>, <c>start</c> and <c>end</c>
/// (the first and last snapshot of the run, ISO 8601), <c>duration_minutes</c> (end - start, 0 for one snapshot),
/// <c>snapshots</c>, <c>observed</c> (the worst value), <c>threshold</c> (the per-snapshot limit) and their
/// <c>unit</c> (<c>ratio</c>, a fraction, or <c>ms</c>), <c>objective</c> (a fraction) and <c>message</c>.
/// </para>
/// <para>
/// The Markdown table has the SLO, kind, severity, start, end, duration, snapshots, worst observed value, threshold and
/// objective: times as <c>yyyy-MM-dd HH:mm UTC</c>, fractions as percentages, latency in ms. The numbers are the
/// report's own (<see cref="SloBreach"/>); UTF-8 without a byte order mark, <c>\n</c> line endings.
/// </para>
/// </remarks>
public sealed class SloViolationsReporter : IReporter, IReportFiles
{
    private readonly SloViolationsReporterOptions _options;
    private readonly string _fileName;

    /// <summary>Initializes a new instance of the <see cref="SloViolationsReporter"/> class with default options (both files).</summary>
    public SloViolationsReporter()
        : this(new SloViolationsReporterOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SloViolationsReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    public SloViolationsReporter(SloViolationsReporterOptions options)
        : this(options, SloViolationsReporterOptions.DefaultName)
    {
    }

    internal SloViolationsReporter(SloViolationsReporterOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        (Format, var fileName) = ReporterRegistration.Identity(SloViolationsReporterOptions.DefaultName, name, options.FileName, SloViolationsReporterOptions.DefaultFileName);
        _fileName = fileName ?? SloViolationsReporterOptions.DefaultFileName;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>slo_violations</c>, or <c>slo_violations:{name}</c> for a reporter registered with a name of its own; its files'
    /// formats are <c>{Format}_json</c> and <c>{Format}_markdown</c>.
    /// </remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "json";

    /// <summary>Writes <c>slo_violations.json</c>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the JSON is written.</returns>
    public Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportOutput.WriteBufferedAsync(s => SloViolationsExport.WriteJson(report, s), destination, cancellationToken);
    }

    IReadOnlyList<ReportFile> IReportFiles.Files(string defaultFileName)
    {
        var files = new List<ReportFile>(2);
        if (_options.WriteJson)
        {
            files.Add(new ReportFile(Format + "_json", _fileName, "json", WriteAsync));
        }

        if (_options.WriteMarkdown)
        {
            files.Add(new ReportFile(Format + "_markdown", _fileName, "md", static (r, s, ct) => ReportOutput.WriteTextAsync(SloViolationsExport.RenderMarkdown(r), s, ct)));
        }

        return files;
    }
}
