namespace Observability;

/// <summary>
/// Options of the <see cref="RedisDedupeStore"/>. Validated at start-up with every problem listed.
/// <see cref="Configuration"/> is a secret (it may hold a password): never logged, never in an exception message.
/// </summary>
public sealed class RedisDedupeStoreOptions
{
    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c> or
    /// <c>redis.internal:6380,password=...,ssl=true</c>. Required unless the store is given an existing connection.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every key the store writes (the key is the prefix followed by the fingerprint).
    /// Default: <c>observability:dedupe:</c>. Give each environment sharing one Redis a prefix of its own.
    /// </summary>
    public string KeyPrefix { get; set; } = "observability:dedupe:";

    /// <summary>Gets or sets how long connecting may take (overrides <c>connectTimeout</c> of the configuration string). Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long one reservation or release may take before it fails with a <see cref="TimeoutException"/>
    /// (also the connection's <c>asyncTimeout</c> and <c>syncTimeout</c> when the store makes the connection). Default: 2 seconds.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets a value indicating whether the memory of firing alerts (what each pass resolves when a condition clears,
    /// and what inhibits) is kept in the same Redis, one hash under <see cref="KeyPrefix"/> shared by every replica and run.
    /// Default: <see langword="true"/>. Set it to <see langword="false"/> to share only the dedupe decisions and keep that
    /// memory per process (or in <c>Observability:Alerts:StateDirectory</c> when set), for example when replicas judge
    /// different things under one prefix.
    /// </summary>
    public bool ShareAlertState { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the store is given an existing connection (then <see cref="Configuration"/> is not needed).</summary>
    internal bool UsesExistingConnection { get; set; }
}
