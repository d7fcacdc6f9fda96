using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes the SLO violations of a pass (every <see cref="SloStatus.Violations"/> entry of the report) as
/// <c>slo_violations.json</c>, the detector export of the telemetry-engine spec. Its companion
/// <see cref="SloViolationsMarkdownReporter"/> writes the same rows as a Markdown table.
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
/// <para>The numbers are the report's own (<see cref="SloBreach"/>); UTF-8 without a byte order mark.</para>
/// </remarks>
public sealed class SloViolationsReporter : IReporter, IFileNamedReporter
{
    /// <summary>The file name, without extension.</summary>
    public const string FileName = SloViolationsExport.FileName;

    /// <inheritdoc />
    public string Format => "slo_violations_json";

    /// <inheritdoc />
    public string FileExtension => "json";

    string IFileNamedReporter.FileName => FileName;

    /// <inheritdoc />
    public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();

        using var buffer = new MemoryStream();
        SloViolationsExport.WriteJson(report, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
