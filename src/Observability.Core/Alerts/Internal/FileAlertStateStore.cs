using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// The alert state and the dedupe reservations in <c>&lt;directory&gt;/alert-state.json</c>, so that one-shot runs
/// (<c>obs check --state</c>, <c>Alerts:StateDirectory</c>) remember what the last run raised. Every read and write
/// holds an exclusive lock on <c>alert-state.lock</c> (waited for up to <see cref="LockTimeout"/>), and every write
/// re-reads the file and applies its changes to what it finds, so a concurrent second run neither corrupts nor loses
/// the first's state. A write goes to a temporary file, flushed to disk, then renamed over the file: a crash leaves
/// the old state or the new one. A file that cannot be read is moved aside (<c>.corrupt-&lt;time&gt;</c>) and
/// reported; the state starts empty.
/// </summary>
internal sealed partial class FileAlertStateStore : IAlertStateStore, IDedupeStore
{
    public const string FileName = "alert-state.json";
    public const string LockFileName = "alert-state.lock";
    private const int Version = 1;
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(25);

    private readonly string _directory;
    private readonly string _lockPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FileAlertStateStore(string directory, TimeProvider time, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        FilePath = Path.Combine(_directory, FileName);
        _lockPath = Path.Combine(_directory, LockFileName);
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the state file.</summary>
    public string FilePath { get; }

    /// <summary>Gets or sets how long a caller waits for another run's lock before the operation fails. Default: 10 seconds.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets a hook called with the temporary file once it is flushed to disk, before the rename (tests).</summary>
    internal Action<string>? BeforeRename { get; set; }

    public async ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken = default)
    {
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var state = Read();
        return state.Firing.ToDictionary(static e => e.Key, static e => e.Value!.ToJsonString(), StringComparer.Ordinal);
    }

    public async ValueTask SaveAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var state = Read();
        foreach (var (fingerprint, entry) in changes)
        {
            if (entry is null)
            {
                state.Firing.Remove(fingerprint);
            }
            else
            {
                state.Firing[fingerprint] = JsonNode.Parse(entry);
            }
        }

        Write(state);
    }

    public async ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var state = Read();
        if (state.Reservations.TryGetValue(key, out var until) && until > now)
        {
            return false;
        }

        state.Reservations[key] = window >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + window;
        Write(state);
        return true;
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var held = await LockAsync(cancellationToken).ConfigureAwait(false);
        var state = Read();
        if (state.Reservations.Remove(key))
        {
            Write(state);
        }
    }

    // FileShare.None is an exclusive lock on the open file (flock on Unix): released by the OS if the process dies,
    // so a crashed run never leaves a stale lock behind.
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(_directory);
        var deadline = _time.GetUtcNow() + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(_lockPath))
            {
                if (_time.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The alert state in {_directory} stayed locked by another run ({LockFileName}) for {LockTimeout.TotalSeconds:0.###} s."));
                }

                await Task.Delay(LockPoll, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private State Read()
    {
        if (!File.Exists(FilePath))
        {
            return new State();
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllBytes(FilePath)) as JsonObject
                ?? throw new InvalidDataException("the file holds no JSON object");
            if (root["version"]?.GetValue<int>() is not Version)
            {
                throw new InvalidDataException($"version {root["version"]?.ToJsonString() ?? "missing"} is not {Version}");
            }

            var state = new State();
            foreach (var (fingerprint, entry) in root["firing"] as JsonObject ?? [])
            {
                if (entry is JsonObject)
                {
                    state.Firing[fingerprint] = entry.DeepClone();
                }
            }

            foreach (var (key, value) in root["reservations"] as JsonObject ?? [])
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var until)
                    && DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiry))
                {
                    state.Reservations[key] = expiry;
                }
            }

            return state;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            SetAside(ex);
            return new State();
        }
    }

    private void Write(State state)
    {
        var now = _time.GetUtcNow();
        var reservations = new JsonObject();
        foreach (var (key, until) in state.Reservations.Where(r => r.Value > now).OrderBy(static r => r.Key, StringComparer.Ordinal))
        {
            reservations[key] = until.ToString("O", CultureInfo.InvariantCulture);
        }

        var firing = new JsonObject();
        foreach (var (fingerprint, entry) in state.Firing.OrderBy(static e => e.Key, StringComparer.Ordinal))
        {
            firing[fingerprint] = entry?.DeepClone();
        }

        var root = new JsonObject { ["version"] = Version, ["firing"] = firing, ["reservations"] = reservations };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(writer);
        }

        var content = buffer.WrittenSpan;
        var temporary = Path.Combine(_directory, $".{FileName}.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            BeforeRename?.Invoke(temporary);
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private void SetAside(Exception ex)
    {
        var aside = string.Create(CultureInfo.InvariantCulture, $"{FilePath}.corrupt-{_time.GetUtcNow():yyyyMMddTHHmmssfff}");
        var reason = ex is JsonException { LineNumber: { } line } json
            ? string.Create(CultureInfo.InvariantCulture, $"invalid JSON at line {line + 1}, byte {json.BytePositionInLine + 1}")
            : $"{ex.GetType().Name}: {ex.Message}";
        try
        {
            File.Move(FilePath, aside, overwrite: true);
            LogSetAside(_logger, FilePath, reason, aside);
        }
        catch (Exception moveError) when (moveError is IOException or UnauthorizedAccessException)
        {
            LogSetAside(_logger, FilePath, reason, $"nowhere ({moveError.GetType().Name}; the next write replaces it)");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is never read.
        }
    }

    [LoggerMessage(EventId = 2043, Level = LogLevel.Warning, Message = "The alert state file {Path} cannot be read ({Reason}); it was set aside as {SetAside} and the alert state starts empty")]
    private static partial void LogSetAside(ILogger logger, string path, string reason, string setAside);

    private sealed class State
    {
        public Dictionary<string, JsonNode?> Firing { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DateTimeOffset> Reservations { get; } = new(StringComparer.Ordinal);
    }
}
