using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Observability;

/// <summary>
/// Computes an alert's fingerprint: the SHA-256 (lower-case hex) of its identity. By default the
/// identity is the condition (rule, service, severity and the configured labels), never volatile
/// text such as measured numbers or a pass's trace id, so repeats of one condition share a fingerprint.
/// </summary>
public sealed class AlertFingerprinter
{
    [ThreadStatic]
    private static StringBuilder? t_identity;

    // One hash object per thread, reset after each fingerprint: through OpenSSL a one-shot hash sets up and frees its
    // context every time (about 80 of its 480 ns here, on a 150-byte identity).
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    private readonly FingerprintMode _mode;
    private readonly string[] _labels;
    private readonly string[] _labelFields; // "label:<name>", made once, not per fingerprint

    /// <summary>Initializes a new instance of the <see cref="AlertFingerprinter"/> class.</summary>
    /// <param name="options">The alerting options (mode and identity labels).</param>
    public AlertFingerprinter(AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mode = options.FingerprintMode;
        _labels = options.FingerprintLabels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _labelFields = Array.ConvertAll(_labels, static label => "label:" + label);
    }

    /// <summary>Computes the fingerprint of an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public string Compute(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Compute(alert.Rule, alert.Labels, alert.Severity, alert.Message, alert.TraceId);
    }

    /// <summary>Computes the fingerprint from the parts of an alert that make its identity.</summary>
    internal string Compute(string rule, IReadOnlyDictionary<string, string> labels, AlertSeverity severity, string message, string? traceId)
    {
        var identity = t_identity ??= new StringBuilder(256);
        identity.Clear();
        if (_mode == FingerprintMode.Execution)
        {
            Append(identity, "mode", "execution");
            Append(identity, "severity", SeverityText(severity));
            Append(identity, "message", message);
            Append(identity, "trace", traceId ?? string.Empty);
        }
        else
        {
            Append(identity, "mode", "condition");
            Append(identity, "rule", rule);
            Append(identity, "service", labels.GetValueOrDefault(AlertLabels.Service) ?? string.Empty);
            Append(identity, "severity", SeverityText(severity));
            for (var i = 0; i < _labels.Length; i++)
            {
                Append(identity, _labelFields[i], labels.GetValueOrDefault(_labels[i]) ?? string.Empty);
            }
        }

        // Hashed from pooled buffers: one string (the result) per fingerprint.
        var chars = ArrayPool<char>.Shared.Rent(identity.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(identity.Length));
        try
        {
            identity.CopyTo(0, chars, identity.Length);
            var length = Encoding.UTF8.GetBytes(chars.AsSpan(0, identity.Length), bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            try
            {
                sha256.AppendData(bytes.AsSpan(0, length));
                sha256.GetHashAndReset(hash);
            }
            catch
            {
                t_sha256 = null; // its state is unknown: the next fingerprint starts from a new one
                sha256.Dispose();
                throw;
            }

            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
            if (identity.Capacity > 4096)
            {
                t_identity = null; // an outsized identity is not kept per thread
            }
        }
    }

    // The enum's own names, as ToString() gives them, without boxing the value for each fingerprint.
    private static string SeverityText(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => nameof(AlertSeverity.Info),
        AlertSeverity.Warning => nameof(AlertSeverity.Warning),
        AlertSeverity.Error => nameof(AlertSeverity.Error),
        AlertSeverity.Critical => nameof(AlertSeverity.Critical),
        _ => severity.ToString(),
    };

    // Length-prefixed fields: no choice of values can make two identities collide textually.
    private static void Append(StringBuilder identity, string name, string value)
        => identity.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
}
