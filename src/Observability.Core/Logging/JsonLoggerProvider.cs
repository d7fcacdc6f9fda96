using System.Reflection;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes every log entry as one JSON object per line (JSON Lines) with the fields of the logging spec: <c>ts</c>
/// (ISO-8601 UTC ending in <c>Z</c>), <c>level</c> (<c>debug</c>, <c>info</c>, <c>warn</c> or <c>error</c>), <c>service</c>,
/// <c>fn</c>, <c>trace_id</c>, <c>correlation_id</c>, <c>user_id</c>, <c>cmd</c>, <c>msg</c>; then <c>span_id</c>,
/// <c>category</c>, <c>event_id</c>, <c>exception</c>, the message's and the scopes' values as further fields, and
/// <c>scopes</c> for scopes that are not key/value pairs. Redaction is always on: the message, every value (masked whole
/// when its key names a secret) and the exception text go through the <see cref="SecretRedactor"/>.
/// </summary>
/// <remarks>
/// <c>trace_id</c> and <c>span_id</c> come from <see cref="System.Diagnostics.Activity.Current"/> unless a value named
/// <c>trace_id</c> (or <c>TraceId</c>) is given; <c>correlation_id</c>, <c>user_id</c>, <c>cmd</c> and <c>fn</c> come
/// from values of those names (or <c>CorrelationId</c>, <c>UserId</c>, <c>Command</c>, <c>Function</c>) in the message or
/// a scope, for example <c>logger.BeginScope(new Dictionary&lt;string, object?&gt; { ["user_id"] = id, ["cmd"] = "/diagnose" })</c>;
/// <c>fn</c> falls back to the event's name (the method of a <c>[LoggerMessage]</c>), then to the category's last part.
/// Absent fields are <c>null</c>. Writing never throws into the caller.
/// </remarks>
[ProviderAlias("ObservabilityJson")]
public sealed class JsonLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly JsonLogWriter _writer;
    private IExternalScopeProvider? _scopes;

    /// <summary>Initializes a new instance of the <see cref="JsonLoggerProvider"/> class.</summary>
    /// <param name="writer">Where the lines go (the provider does not dispose it); writes are serialised.</param>
    /// <param name="options">The options.</param>
    /// <param name="redactor">Redacts every text written.</param>
    /// <param name="timeProvider">Dates the lines; default <see cref="TimeProvider.System"/>.</param>
    public JsonLoggerProvider(TextWriter writer, JsonLogOptions options, SecretRedactor redactor, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redactor);
        var service = string.IsNullOrWhiteSpace(options.ServiceName) ? Assembly.GetEntryAssembly()?.GetName().Name ?? "unknown" : options.ServiceName;
        _writer = new JsonLogWriter(writer, service, redactor, timeProvider ?? TimeProvider.System);
        IncludeScopes = options.IncludeScopes;
    }

    internal bool IncludeScopes { get; }

    internal IExternalScopeProvider? Scopes => IncludeScopes ? _scopes : null;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return new JsonLogger(categoryName, this, _writer);
    }

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose() => _writer.Flush();
}
