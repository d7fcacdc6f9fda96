using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// Keeps the <see cref="AlertLedger"/> in step with an <see cref="IAlertStateStore"/>: before a published batch is
/// decided the ledger is refreshed from the store, after it the changes are written. One batch at a time goes through
/// (the gate), so the ledger a batch decides with is the one it writes. A store that fails leaves the ledger as this
/// process knows it (logged once), and the changes not written go with the next write. Without a store, nothing happens.
/// </summary>
internal sealed partial class AlertStateSync
{
    private readonly IAlertStateStore? _store;
    private readonly AlertLedger _ledger;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _down;

    public AlertStateSync(IAlertStateStore? store, AlertLedger ledger, TimeProvider time, SecretRedactor redactor, ILogger logger)
    {
        _store = store;
        _ledger = ledger;
        _time = time;
        _redactor = redactor;
        _logger = logger;
        if (store is not null)
        {
            ledger.TrackChanges();
        }
    }

    /// <summary>Waits for the gate and refreshes the ledger from the store; dispose the lease after <see cref="SaveAsync"/>.</summary>
    public async Task<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return default;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadAsync(_store, cancellationToken).ConfigureAwait(false);
            return new Lease(_gate);
        }
        catch
        {
            _gate.Release(); // only the caller's cancellation gets here
            throw;
        }
    }

    /// <summary>Writes the ledger's changes; on failure they stay pending for the next write.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        var changes = _ledger.TakeChanges();
        if (changes.Count == 0)
        {
            return;
        }

        var encoded = new Dictionary<string, string?>(changes.Count, StringComparer.Ordinal);
        foreach (var (fingerprint, entry) in changes)
        {
            encoded[fingerprint] = entry is { } kept ? JsonSerializer.Serialize(kept, AlertStateJsonContext.Default.Entry) : null;
        }

        try
        {
            await _store.SaveAsync(encoded, cancellationToken).ConfigureAwait(false);
            Answered();
        }
        catch (Exception ex)
        {
            _ledger.Untake(encoded.Keys);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            Failed(ex);
        }
    }

    /// <summary>Reads one stored entry; <see langword="null"/> with the reason when it cannot be used.</summary>
    internal static AlertLedger.Entry? Decode(string fingerprint, string json, out string? why)
    {
        AlertLedger.Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(json, AlertStateJsonContext.Default.NullableEntry);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            why = ex is JsonException { Path: { } path } ? $"unreadable at {path}" : ex.GetType().Name;
            return null;
        }

        why = entry switch
        {
            null => "null",
            { Alert: null } => "no alert",
            { Alert: var a } when string.IsNullOrWhiteSpace(a.Rule) || a.Title is null => "an alert without a rule or title",
            { Alert: var a } when !string.Equals(a.Fingerprint, fingerprint, StringComparison.Ordinal) => "an alert whose fingerprint is not its key",
            _ => null,
        };
        if (why is not null)
        {
            return null;
        }

        return entry!.Value with { Alert = StoredAlert.WithDefaults(entry.Value.Alert!) };
    }

    private async Task LoadAsync(IAlertStateStore store, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> stored;
        try
        {
            stored = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed(ex);
            return; // the ledger stays as this process knows it
        }

        Answered();
        var entries = new List<AlertLedger.Entry>(stored.Count);
        var bad = new List<string>();
        foreach (var (fingerprint, json) in stored)
        {
            if (Decode(fingerprint, json, out var why) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                bad.Add(fingerprint);
                LogBadEntry(_logger, fingerprint, why ?? "unknown");
            }
        }

        _ledger.Restore(entries, _time.GetUtcNow());
        _ledger.Untake(bad); // written as removed with the batch's changes
    }

    private void Failed(Exception ex)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogStoreFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
        }
    }

    private void Answered()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogStoreRecovered(_logger);
        }
    }

    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "The alert state store failed ({ExceptionType}: {Reason}); keeping the alert state in this process's memory until it answers again")]
    private static partial void LogStoreFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "The alert state store answers again; the alert state is read from and written to it")]
    private static partial void LogStoreRecovered(ILogger logger);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "The stored alert state entry for fingerprint {Fingerprint} cannot be used ({Reason}); it is dropped")]
    private static partial void LogBadEntry(ILogger logger, string fingerprint, string reason);

    /// <summary>Holds the gate until disposed.</summary>
    internal readonly struct Lease(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(AlertContextJsonConverter)])]
[JsonSerializable(typeof(AlertLedger.Entry))]
[JsonSerializable(typeof(AlertLedger.Entry?))]
internal sealed partial class AlertStateJsonContext : JsonSerializerContext;
