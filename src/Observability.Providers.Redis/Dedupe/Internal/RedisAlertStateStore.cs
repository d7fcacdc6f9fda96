using StackExchange.Redis;

namespace Observability.Internal;

/// <summary>
/// The alert state shared by every replica and run that uses one Redis: the firing alerts in one hash,
/// <c>&lt;prefix&gt;alert-state</c>, one field per fingerprint. A write is one MULTI/EXEC (HSET, HDEL), so a reader never
/// sees half of it; writers touching other fingerprints never undo each other. It goes through the dedupe store's
/// connection and timeouts, and fails as it does (an exception naming the endpoint, never the password), after which the
/// alert pipeline keeps the state in its own memory and says so in the log.
/// </summary>
internal sealed class RedisAlertStateStore(RedisDedupeStore connection) : IAlertStateStore
{
    public const string HashName = "alert-state";

    /// <summary>Gets the hash that holds the entries.</summary>
    public RedisKey Key { get; } = connection.RedisKeyOf(HashName);

    public async ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var fields = await connection.RunAsync("read the alert state", db => db.HashGetAllAsync(Key), cancellationToken).ConfigureAwait(false);
        var entries = new Dictionary<string, string>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.Value.HasValue)
            {
                entries[field.Name.ToString()] = field.Value.ToString();
            }
        }

        return entries;
    }

    public async ValueTask SaveAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var set = changes.Where(static c => c.Value is not null).Select(static c => new HashEntry(c.Key, c.Value)).ToArray();
        var removed = changes.Where(static c => c.Value is null).Select(static c => (RedisValue)c.Key).ToArray();
        await connection.RunAsync(
            "write the alert state",
            async db =>
            {
                var transaction = db.CreateTransaction();
                var writes = new List<Task>(2);
                if (set.Length > 0)
                {
                    writes.Add(transaction.HashSetAsync(Key, set));
                }

                if (removed.Length > 0)
                {
                    writes.Add(transaction.HashDeleteAsync(Key, removed));
                }

                var committed = await transaction.ExecuteAsync().ConfigureAwait(false);
                await Task.WhenAll(writes).ConfigureAwait(false);
                return committed;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
