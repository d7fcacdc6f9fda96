using System.IO.Enumeration;
using System.Xml;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Reads CI logs, run-logs ZIPs and JUnit/TRX test results from a file or folder and turns each file into one
/// snapshot, timestamped with the last timestamp in the file (or, when it has none, the file's last write time):
/// a log is one run (<c>job_count</c> 1, <c>error_count</c> 1 when it failed, was cancelled or timed out,
/// <c>error_rate</c>, <c>availability</c>, the rule counters); a ZIP is one run of several jobs; a test result file
/// gives <c>tests_*</c> metrics. Every error line is put in a category by the <see cref="ICiErrorClassifier"/>, giving one
/// <see cref="CiLogMetrics.ErrorLinesIn">ci_error_lines@&lt;category&gt;</see> per category that occurred. Snapshots
/// outside the window are dropped. A file that cannot be read becomes an error of a partial result (a failed result
/// naming every bad file when no snapshot is left); nothing is thrown for outside failures.
/// </summary>
public sealed partial class CiLogCollector : ICollector
{
    private readonly string _path;
    private readonly string _source;
    private readonly string[] _patterns;
    private readonly bool _recursive;
    private readonly CiLogParser _parser;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="CiLogCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="CiLogCollectorOptions.Path"/> is required.</param>
    /// <param name="timeProvider">Measures how long a read takes.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public CiLogCollector(string name, CiLogCollectorOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(name, options, CiErrorClassifier.Instance, timeProvider, loggerFactory)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CiLogCollector"/> class that puts error lines in categories with a classifier of your own.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="CiLogCollectorOptions.Path"/> is required.</param>
    /// <param name="classifier">Puts each error line in a category (<see cref="CiLogMetrics.ErrorLinesIn"/>).</param>
    /// <param name="timeProvider">Measures how long a read takes.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public CiLogCollector(string name, CiLogCollectorOptions options, ICiErrorClassifier classifier, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("CiLogCollectorOptions.Path is required.", nameof(options));
        }

        Name = name;
        _path = options.Path;
        _source = string.IsNullOrWhiteSpace(options.Source) ? name : options.Source.Trim();
        _patterns = options.IncludePatterns.Count == 0 ? [.. CiLogCollectorOptions.DefaultIncludePatterns] : [.. options.IncludePatterns];
        _recursive = options.Recursive;
        _parser = new CiLogParser(options.Rules, options.MaxLineLength, classifier);
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<CiLogCollector>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(() => Collect(window, cancellationToken), cancellationToken);
    }

    private CollectionResult Collect(CollectionWindow window, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        string[] files;
        try
        {
            files = File.Exists(_path) ? [_path]
                : Directory.Exists(_path) ? Find()
                : throw new FileNotFoundException($"the CI log path '{_path}' does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            var message = e is FileNotFoundException ? e.Message : $"the CI log path '{_path}' cannot be listed: {e.Message}";
            LogUnreachable(_logger, Name, _path, message);
            return CollectionResult.Failed(Name, new CollectionError(CollectionErrorKind.Unreachable, message, _path));
        }

        if (files.Length == 0)
        {
            return CollectionResult.NoData(Name, $"no file in '{_path}' matches {string.Join(", ", _patterns)}");
        }

        var snapshots = new List<MetricSnapshot>();
        var errors = new List<CollectionError>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (snapshot, error) = ReadFile(file, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
                LogUnreadable(_logger, Name, file, error.Message);
            }
            else if (snapshot is not null && window.Contains(snapshot.Timestamp))
            {
                snapshots.Add(snapshot);
            }
        }

        LogRead(_logger, Name, _path, files.Length, _timeProvider.GetElapsedTime(started).TotalMilliseconds, snapshots.Count, errors.Count);
        if (errors.Count > 0)
        {
            return snapshots.Count > 0
                ? CollectionResult.Partial(Name, snapshots, errors)
                : CollectionResult.Failed(Name, Combine(errors));
        }

        return snapshots.Count > 0
            ? CollectionResult.Success(Name, snapshots)
            : CollectionResult.NoData(Name, $"none of the {files.Length} file(s) in '{_path}' ran in {window}");
    }

    /// <summary>One error for a result with no data: the first, naming how many other files failed and which.</summary>
    private static CollectionError Combine(List<CollectionError> errors)
    {
        if (errors.Count == 1)
        {
            return errors[0];
        }

        var others = errors.Skip(1).Take(10).Select(static e => Path.GetFileName(e.Location ?? string.Empty));
        var more = errors.Count > 11 ? ", …" : string.Empty;
        return errors[0] with { Message = $"{errors[0].Message} (and {errors.Count - 1} more file(s) failed: {string.Join(", ", others)}{more})" };
    }

    private string[] Find()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = _recursive, IgnoreInaccessible = true, MatchType = MatchType.Simple };
        return Directory.EnumerateFiles(_path, "*", options)
            .Where(file => _patterns.Any(pattern => FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(file))))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private (MetricSnapshot? Snapshot, CollectionError? Error) ReadFile(string file, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file);
        try
        {
            var fallback = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            if (extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var archive = CiRunLogArchive.ReadFile(file, _parser, cancellationToken);
                return archive.Error is null
                    ? (CiRunSnapshots.FromArchive(archive, fallback, _source), null)
                    : (null, new CollectionError(CollectionErrorKind.InvalidData, archive.Error, file));
            }

            if (extension.Equals(".trx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
            {
                return (CiRunSnapshots.FromTests(TestResultParser.ParseFile(file, cancellationToken), fallback, _source), null);
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return (CiRunSnapshots.FromLog(_parser.Parse(stream, file, cancellationToken), fallback, _source), null);
        }
        catch (InvalidDataException e)
        {
            return (null, new CollectionError(CollectionErrorKind.InvalidData, e.Message, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return (null, new CollectionError(CollectionErrorKind.Unreachable, $"'{file}' cannot be read: {e.Message}", file));
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "CI log collector {Collector} cannot read {Path}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string collector, string path, string reason);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "CI log collector {Collector} skipped {File}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string collector, string file, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "CI log collector {Collector} read {Files} files under {Path} in {ElapsedMilliseconds} ms: {Kept} snapshots in the window, {Errors} errors")]
    private static partial void LogRead(ILogger logger, string collector, string path, int files, double elapsedMilliseconds, int kept, int errors);
}
