namespace Observability.Internal;

/// <summary>One file a reporter writes: its format (unique among the files of a pass), name, extension and how to write it.</summary>
internal sealed record ReportFile(string Format, string FileName, string Extension, Func<HealthReport, Stream, CancellationToken, Task> Write);

/// <summary>
/// A reporter that writes several files, or files whose names its options choose (<c>operational_report.json</c> and
/// <c>.md</c>): the <see cref="ReportWriter"/> writes each of them, each checked and replaced atomically on its own.
/// </summary>
internal interface IReportFiles
{
    /// <summary>The files to write; <paramref name="defaultFileName"/> is <see cref="ReportingOptions.FileName"/>.</summary>
    IReadOnlyList<ReportFile> Files(string defaultFileName);
}
