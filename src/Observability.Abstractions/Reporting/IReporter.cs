namespace Observability;

/// <summary>Writes a <see cref="HealthReport"/> in one format (JSON, Markdown, HTML...).</summary>
public interface IReporter
{
    /// <summary>Gets the format's name, for example <c>json</c>; unique among the registered reporters.</summary>
    string Format { get; }

    /// <summary>Gets the file extension for the format, without the dot, for example <c>md</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes the report to <paramref name="destination"/>, leaving it open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the report is written.</returns>
    Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default);
}
