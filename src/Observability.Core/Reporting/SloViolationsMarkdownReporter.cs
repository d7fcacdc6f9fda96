using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes the SLO violations of a pass as <c>slo_violations.md</c>: one table row per violation (SLO, kind,
/// severity, start, end, duration, snapshots, worst observed value, threshold, objective), oldest first, the same
/// rows as <see cref="SloViolationsReporter"/>'s JSON; "No violations" when there are none.
/// </summary>
/// <remarks>Times as <c>yyyy-MM-dd HH:mm UTC</c>, fractions as percentages, latency in ms; UTF-8 without a byte order mark, <c>\n</c> line endings.</remarks>
public sealed class SloViolationsMarkdownReporter : IReporter, IFileNamedReporter
{
    /// <summary>The file name, without extension.</summary>
    public const string FileName = SloViolationsExport.FileName;

    /// <inheritdoc />
    public string Format => "slo_violations_markdown";

    /// <inheritdoc />
    public string FileExtension => "md";

    string IFileNamedReporter.FileName => FileName;

    /// <inheritdoc />
    public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();

        var markdown = SloViolationsExport.RenderMarkdown(report);
        var writer = new StreamWriter(destination, SloViolationsExport.Utf8NoBom, bufferSize: -1, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(markdown, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
