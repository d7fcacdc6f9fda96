namespace Observability.Internal;

/// <summary>
/// A reporter whose file has a name of its own (<c>dashboard.html</c>, <c>snapshots.csv</c>) rather than
/// <see cref="ReportingOptions.FileName"/>: the <see cref="ReportWriter"/> reads it.
/// </summary>
internal interface IFileNamedReporter
{
    /// <summary>Gets the file name, without extension; <see langword="null"/> for <see cref="ReportingOptions.FileName"/>.</summary>
    string? FileName { get; }
}
