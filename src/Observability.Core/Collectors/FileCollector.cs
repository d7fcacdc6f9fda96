using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Reads metric snapshots from a CSV or JSON lines file (see <see cref="SnapshotFileFormat"/>) and returns those
/// measured within the window, oldest first. The file is read as a stream, line by line, on every collection.
/// Malformed lines, impossible values (a ratio outside [0, 1], a negative count, a number beyond a double) and text that
/// is not valid UTF-8 are skipped and reported with their line and field; the others are kept. Of several lines with
/// the same timestamp and source the first is kept and the others are reported. Memory stays bounded whatever the
/// file's size: a line longer than <see cref="FileCollectorOptions.MaxLineLength"/> is skipped unread and reported, and
/// at most <see cref="FileCollectorOptions.MaxSnapshots"/> are kept (the newest; the result says what was cut).
/// A missing or unreadable file gives a failed result, never an exception.
/// </summary>
public sealed partial class FileCollector : ICollector
{
    /// <summary>The most rejected lines reported one by one; the rest are counted in one more error.</summary>
    internal const int MaxReportedErrors = 100;

    private const int LinesPerCancellationCheck = 256;

    private readonly string _path;
    private readonly string _fileName;
    private readonly string _source;
    private readonly SnapshotFileFormat _format;
    private readonly int _maxLineLength;
    private readonly int _maxSnapshots;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="FileCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="FileCollectorOptions.Path"/> is required.</param>
    /// <param name="timeProvider">Measures how long a read takes.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public FileCollector(string name, FileCollectorOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("FileCollectorOptions.Path is required.", nameof(options));
        }

        if (new FileCollectorOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new ArgumentException(string.Join(" ", invalid.Failures), nameof(options));
        }

        Name = name;
        _path = options.Path;
        _fileName = System.IO.Path.GetFileName(options.Path);
        _source = string.IsNullOrWhiteSpace(options.Source) ? name : options.Source.Trim();
        _format = options.Format;
        _maxLineLength = options.MaxLineLength;
        _maxSnapshots = options.MaxSnapshots;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<FileCollector>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = _timeProvider.GetTimestamp();

        FileStream stream;
        try
        {
            stream = new FileStream(_path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete, // the writer may keep appending
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return Unreachable(DescribeOpenFailure(e));
        }

        var state = new SnapshotFileReadState(MaxReportedErrors, _maxSnapshots);
        var context = new SnapshotFileContext(_fileName, _source, window);
        await using (stream.ConfigureAwait(false))
        {
            var reader = new SnapshotLineReader(stream, _maxLineLength);
            CollectionError? fatal;
            try
            {
                fatal = await ReadAsync(reader, context, state, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                var error = new CollectionError(CollectionErrorKind.Unreachable, $"reading the snapshot file '{_path}' failed after line {state.Lines}: {e.Message}", _fileName);
                LogUnreachable(_logger, Name, _path, error.Message);
                return state.Kept == 0
                    ? CollectionResult.Failed(Name, error)
                    : CollectionResult.Partial(Name, state.Snapshots(), state.Errors(_fileName, error));
            }

            if (fatal is not null)
            {
                LogUnparsable(_logger, Name, _path, fatal.Location ?? _fileName, fatal.Message);
                return CollectionResult.Failed(Name, fatal);
            }
        }

        LogRead(_logger, Name, _path, state.Lines, _timeProvider.GetElapsedTime(started).TotalMilliseconds, state.Kept, window, state.Rejected);
        if (state.Cut > 0)
        {
            LogCut(_logger, Name, _path, state.Cut, _maxSnapshots);
        }

        if (state.Rejected > 0)
        {
            LogRejected(_logger, Name, _path, state.Rejected, state.FirstError?.Location ?? _fileName, state.FirstError?.Message ?? string.Empty);
        }

        if (state.Rejected > 0 || state.Cut > 0)
        {
            return CollectionResult.Partial(Name, state.Snapshots(), state.Errors(_fileName));
        }

        return state.Kept > 0
            ? CollectionResult.Success(Name, state.Snapshots())
            : CollectionResult.NoData(Name, state.NonBlankLines == 0
                ? $"the snapshot file {_fileName} is empty"
                : $"no snapshot in {_fileName} lies in {window} ({state.NonBlankLines} non-blank lines read)");
    }

    /// <summary>Chooses the format: the configured one, else by extension, else by the first non-blank character.</summary>
    internal static SnapshotFileFormat ResolveFormat(SnapshotFileFormat configured, string path, string firstNonBlankLine)
    {
        if (configured != SnapshotFileFormat.Auto)
        {
            return configured;
        }

        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return SnapshotFileFormat.Csv;
        }

        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return SnapshotFileFormat.JsonLines;
        }

        return firstNonBlankLine.AsSpan().TrimStart().StartsWith('{') ? SnapshotFileFormat.JsonLines : SnapshotFileFormat.Csv;
    }

    private async Task<CollectionError?> ReadAsync(SnapshotLineReader reader, SnapshotFileContext context, SnapshotFileReadState state, CancellationToken cancellationToken)
    {
        SnapshotLineParser? parser = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { IsEnd: false } read)
        {
            if (++state.Lines % LinesPerCancellationCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (state.Lines == 1 && reader.ForeignByteOrderMark is { } byteOrderMark)
            {
                return new CollectionError(
                    CollectionErrorKind.InvalidData,
                    $"the file is {byteOrderMark} (it starts with that byte-order mark); save it as UTF-8 so its lines read as written",
                    context.Location(1));
            }

            if (read.IsTooLong)
            {
                state.NonBlankLines++;
                if (parser is null && (_format == SnapshotFileFormat.Csv || (_format == SnapshotFileFormat.Auto && HasCsvExtension(_path))))
                {
                    // A CSV file's first line is its header: without it no row can be read.
                    return context.Fatal(TooLong(read.Length), state.Lines).Error;
                }

                state.Reject(new CollectionError(CollectionErrorKind.InvalidData, TooLong(read.Length), context.Location(state.Lines)));
                continue;
            }

            var line = read.Value!;

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            state.NonBlankLines++;
            parser ??= ResolveFormat(_format, _path, line) == SnapshotFileFormat.JsonLines
                ? new JsonLinesSnapshotParser(context)
                : new CsvSnapshotParser(context);

            var outcome = line.Contains('\uFFFD', StringComparison.Ordinal) ? parser.InvalidText(line, state.Lines) : parser.Parse(line, state.Lines);
            if (outcome.IsFatal)
            {
                return outcome.Error;
            }

            if (outcome.Error is not null)
            {
                state.Reject(outcome.Error);
            }
            else if (outcome.Snapshot is not null)
            {
                state.Accept(outcome.Snapshot, state.Lines, context);
            }
        }

        return null;
    }

    private static bool HasCsvExtension(string path) => System.IO.Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    private string TooLong(long length) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"the line is longer than {_maxLineLength} bytes ({length} bytes, FileCollectorOptions.MaxLineLength); it was skipped unread");

    private CollectionResult Unreachable(string message)
    {
        LogUnreachable(_logger, Name, _path, message);
        return CollectionResult.Failed(Name, new CollectionError(CollectionErrorKind.Unreachable, message, _fileName));
    }

    private string DescribeOpenFailure(Exception exception) => exception switch
    {
        FileNotFoundException => $"the snapshot file '{_path}' does not exist",
        DirectoryNotFoundException => $"the directory of the snapshot file '{_path}' does not exist",
        UnauthorizedAccessException when Directory.Exists(_path) => $"'{_path}' is a directory, not a snapshot file",
        UnauthorizedAccessException => $"access to the snapshot file '{_path}' is denied",
        _ => $"the snapshot file '{_path}' cannot be opened: {exception.Message}",
    };

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "File collector {Collector} cannot read {Path}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string collector, string path, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "File collector {Collector} cannot parse {Path} ({Location}): {Reason}")]
    private static partial void LogUnparsable(ILogger logger, string collector, string path, string location, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "File collector {Collector} rejected {Rejected} lines of {Path}; the first at {Location}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string collector, string path, int rejected, string location, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "File collector {Collector} cut {Cut} snapshots of {Path}: only the newest {MaxSnapshots} of the window are kept")]
    private static partial void LogCut(ILogger logger, string collector, string path, long cut, int maxSnapshots);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "File collector {Collector} read {Lines} lines of {Path} in {ElapsedMilliseconds} ms: {Kept} snapshots in {Window}, {Rejected} lines rejected")]
    private static partial void LogRead(ILogger logger, string collector, string path, int lines, double elapsedMilliseconds, int kept, CollectionWindow window, int rejected);
}
