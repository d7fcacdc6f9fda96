using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// Writes a report with every registered <see cref="IReporter"/> into
/// <see cref="ReportingOptions.OutputDirectory"/>. Each file is written to a temporary file in the
/// same folder and then moved over the target, so a crash never leaves half a report. Failures
/// become results and warnings; only the caller's cancellation is thrown.
/// </summary>
internal sealed partial class ReportWriter
{
    private const int MaxErrorLength = 300;

    private readonly IReadOnlyList<IReporter> _reporters;
    private readonly ILogger<ReportWriter> _logger;

    public ReportWriter(IEnumerable<IReporter> reporters, ILogger<ReportWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(reporters);
        ArgumentNullException.ThrowIfNull(logger);
        _reporters = [.. reporters];
        _logger = logger;
    }

    /// <summary>Writes <paramref name="report"/> once per reporter.</summary>
    /// <returns>One result per reporter; empty when no output directory is configured.</returns>
    public async Task<IReadOnlyList<ReportResult>> WriteAllAsync(HealthReport report, ReportingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();

        if (string.IsNullOrWhiteSpace(options.OutputDirectory) || _reporters.Count == 0)
        {
            return [];
        }

        var results = new List<ReportResult>(_reporters.Count);
        var directory = PrepareDirectory(options, out var setupError);
        var formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reporter in _reporters)
        {
            var format = FormatOf(reporter);
            if (setupError is not null)
            {
                results.Add(new ReportResult(format, null, setupError));
            }
            else if (reporter is IReportFiles files)
            {
                foreach (var file in files.Files(options.FileName))
                {
                    results.Add(IsDuplicate(formats, file.Format, reporter, out var duplicate) ? duplicate
                        : await WriteFileAsync(file, report, directory!, cancellationToken).ConfigureAwait(false));
                }
            }
            else if (IsDuplicate(formats, format, reporter, out var duplicate))
            {
                results.Add(duplicate);
            }
            else
            {
                results.Add(await WriteOneAsync(reporter, format, report, directory!, options.FileName, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    private bool IsDuplicate(HashSet<string> formats, string format, IReporter reporter, out ReportResult result)
    {
        result = null!;
        if (formats.Add(format))
        {
            return false;
        }

        LogDuplicateFormat(_logger, format, reporter.GetType().FullName ?? reporter.GetType().Name);
        result = new ReportResult(format, null, $"Skipped: another reporter already writes the '{format}' format.");
        return true;
    }

    private async Task<ReportResult> WriteFileAsync(ReportFile file, HealthReport report, string directory, CancellationToken cancellationToken)
    {
        string? path = null;
        try
        {
            if (!ReporterRegistration.IsPlainName(file.FileName) || !ReporterRegistration.IsPlainName(file.Extension))
            {
                return Fail(file.Format, null, $"The reporter's file name '{file.FileName}.{file.Extension}' is not a plain name.", null);
            }

            path = Path.Combine(directory, $"{file.FileName}.{file.Extension}");
            await AtomicFile.WriteAsync(path, (stream, ct) => file.Write(report, stream, ct), cancellationToken).ConfigureAwait(false);
            return new ReportResult(file.Format, path, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(file.Format, path, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private async Task<ReportResult> WriteOneAsync(IReporter reporter, string format, HealthReport report, string directory, string fileName, CancellationToken cancellationToken)
    {
        string? path = null;
        try
        {
            var extension = reporter.FileExtension;
            if (!ReporterRegistration.IsPlainName(extension))
            {
                return Fail(format, null, $"The reporter's file extension '{extension}' is not a plain name.", null);
            }

            if (reporter is IFileNamedReporter { FileName: { } own })
            {
                fileName = own;
                if (!ReporterRegistration.IsPlainName(fileName))
                {
                    return Fail(format, null, $"The reporter's file name '{fileName}' is not a plain name.", null);
                }
            }

            path = Path.Combine(directory, $"{fileName}.{extension}");
            await AtomicFile.WriteAsync(path, (stream, ct) => reporter.WriteAsync(report, stream, ct), cancellationToken).ConfigureAwait(false);
            return new ReportResult(format, path, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Fail(format, path, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private string? PrepareDirectory(ReportingOptions options, out string? error)
    {
        error = null;
        if (!ReporterRegistration.IsPlainName(options.FileName))
        {
            error = $"The report file name '{options.FileName}' is not a plain file name.";
            LogDirectoryFailed(_logger, options.OutputDirectory!, error, null);
            return null;
        }

        try
        {
            var directory = Path.GetFullPath(options.OutputDirectory!);
            Directory.CreateDirectory(directory);
            return directory;
        }
        catch (Exception ex)
        {
            error = Shorten($"Could not create the output directory: {ex.GetType().Name}: {ex.Message}");
            LogDirectoryFailed(_logger, options.OutputDirectory!, error, ex);
            return null;
        }
    }

    private ReportResult Fail(string format, string? path, string error, Exception? exception)
    {
        error = Shorten(error);
        LogWriteFailed(_logger, format, path ?? string.Empty, error, exception);
        return new ReportResult(format, null, error);
    }

    private static string FormatOf(IReporter reporter)
    {
        try
        {
            return string.IsNullOrWhiteSpace(reporter.Format) ? reporter.GetType().Name : reporter.Format;
        }
        catch (Exception)
        {
            return reporter.GetType().Name;
        }
    }


    private static string Shorten(string error)
        => error.Length <= MaxErrorLength ? error : string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Could not write the {Format} report to '{Path}': {Error}")]
    private static partial void LogWriteFailed(ILogger logger, string format, string path, string error, Exception? exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Reports were not written to '{Directory}': {Error}")]
    private static partial void LogDirectoryFailed(ILogger logger, string directory, string error, Exception? exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The {Format} report was skipped: {Reporter} writes a format another reporter already writes.")]
    private static partial void LogDuplicateFormat(ILogger logger, string format, string reporter);
}
