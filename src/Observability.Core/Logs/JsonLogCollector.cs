using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Turns a JSON lines log file (or a folder of them) into metric snapshots: the records of the window (and of the
/// configured service) are put in buckets by <see cref="LogMetricsAggregator"/>. The files are streamed on every
/// collection. Bad lines are reported with their file and line (the first 100; the rest are counted) and the rest
/// is kept. A missing or unreadable path gives a failed result, never an exception.
/// </summary>
public sealed partial class JsonLogCollector : ICollector
{
    /// <summary>The most rejected lines reported one by one; the rest are counted in one more error.</summary>
    internal const int MaxReportedErrors = 100;

    private readonly JsonLogCollectorOptions _options;
    private readonly string _source;
    private readonly StructuredLogIngestor _ingestor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="JsonLogCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="JsonLogCollectorOptions.Path"/> is required.</param>
    /// <param name="timeProvider">Measures how long a read takes.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public JsonLogCollector(string name, JsonLogCollectorOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = JsonLogCollectorOptionsValidator.Problems(options, "JsonLogCollectorOptions");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Name = name;
        _options = new JsonLogCollectorOptions
        {
            Path = options.Path,
            SearchPattern = options.SearchPattern,
            Bucket = options.Bucket,
            Service = string.IsNullOrWhiteSpace(options.Service) ? null : options.Service.Trim(),
            MaxLineLength = options.MaxLineLength,
        };
        _source = string.IsNullOrWhiteSpace(options.Source) ? name : options.Source.Trim();
        _ingestor = new StructuredLogIngestor(new StructuredLogOptions { MaxLineLength = options.MaxLineLength, MaxRecordedRejections = MaxReportedErrors });
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<JsonLogCollector>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = _timeProvider.GetTimestamp();
        var path = _options.Path!;
        string[] files;
        try
        {
            files = Directory.Exists(path) ? [.. Directory.GetFiles(path, _options.SearchPattern).Order(StringComparer.Ordinal)] : [path];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Failed($"the log folder '{path}' cannot be listed: {e.Message}");
        }

        if (files.Length == 0)
        {
            return CollectionResult.NoData(Name, $"the log folder '{path}' has no file matching {_options.SearchPattern}");
        }

        var aggregator = new LogMetricsAggregator(_source, _options.Bucket, window.Start);
        var errors = new JsonLogErrors(MaxReportedErrors);
        long lines = 0;
        var unreadable = 0;
        foreach (var file in files)
        {
            var statistics = _ingestor.CreateStatistics();
            var failure = await ReadFileAsync(file, window, aggregator, statistics, cancellationToken).ConfigureAwait(false);
            lines += statistics.Lines;
            errors.AddRejected(System.IO.Path.GetFileName(file), statistics);
            if (failure is not null)
            {
                LogUnreadable(_logger, Name, file, failure.Message);
                errors.Add(failure);
                unreadable += statistics.Lines == 0 ? 1 : 0;
            }
        }

        var snapshots = aggregator.ToSnapshots();
        LogRead(_logger, Name, files.Length, lines, _timeProvider.GetElapsedTime(started).TotalMilliseconds, aggregator.Added, snapshots.Count, errors.Rejected);
        if (unreadable == files.Length)
        {
            // Nothing could be read at all.
            var first = errors.List[0];
            return CollectionResult.Failed(Name, files.Length == 1 ? first : new CollectionError(
                CollectionErrorKind.Unreachable,
                $"none of the {files.Length} log files in '{path}' could be read; the first: {first.Message}",
                first.Location));
        }

        if (errors.Count > 0)
        {
            return CollectionResult.Partial(Name, snapshots, errors.List);
        }

        return snapshots.Count > 0
            ? CollectionResult.Success(Name, snapshots)
            : CollectionResult.NoData(Name, $"no log line{(_options.Service is null ? string.Empty : $" of service '{_options.Service}'")} in {window} ({lines} lines read from {files.Length} file(s))");
    }

    private async Task<CollectionError?> ReadFileAsync(string file, CollectionWindow window, LogMetricsAggregator aggregator, LogIngestionStatistics statistics, CancellationToken cancellationToken)
    {
        var fileName = System.IO.Path.GetFileName(file);
        FileStream stream;
        try
        {
            stream = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete, // the application keeps appending
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return new CollectionError(CollectionErrorKind.Unreachable, DescribeOpenFailure(file, e), fileName);
        }

        await using (stream.ConfigureAwait(false))
        {
            try
            {
                await foreach (var record in _ingestor.ReadAsync(stream, statistics, cancellationToken).ConfigureAwait(false))
                {
                    if (window.Contains(record.Timestamp!.Value)
                        && (_options.Service is null || string.Equals(record.Service, _options.Service, StringComparison.OrdinalIgnoreCase)))
                    {
                        aggregator.Add(record);
                    }
                }
            }
            catch (IOException e)
            {
                return new CollectionError(CollectionErrorKind.Unreachable, $"reading the log file '{file}' failed after line {statistics.Lines}: {e.Message}", fileName);
            }
        }

        return null;
    }

    private CollectionResult Failed(string message)
    {
        LogUnreadable(_logger, Name, _options.Path!, message);
        return CollectionResult.Failed(Name, new CollectionError(CollectionErrorKind.Unreachable, message, System.IO.Path.GetFileName(_options.Path)));
    }

    private static string DescribeOpenFailure(string file, Exception exception) => exception switch
    {
        FileNotFoundException => $"the log file '{file}' does not exist",
        DirectoryNotFoundException => $"the directory of the log file '{file}' does not exist",
        UnauthorizedAccessException => $"access to the log file '{file}' is denied",
        _ => $"the log file '{file}' cannot be opened: {exception.Message}",
    };

    [LoggerMessage(EventId = 2150, Level = LogLevel.Warning, Message = "JSON log collector {Collector} cannot read {Path}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string collector, string path, string reason);

    [LoggerMessage(EventId = 2151, Level = LogLevel.Debug, Message = "JSON log collector {Collector} read {Files} files ({Lines} lines) in {ElapsedMilliseconds} ms: {Kept} records in {Snapshots} snapshots, {Rejected} lines rejected")]
    private static partial void LogRead(ILogger logger, string collector, int files, long lines, double elapsedMilliseconds, long kept, int snapshots, long rejected);
}
