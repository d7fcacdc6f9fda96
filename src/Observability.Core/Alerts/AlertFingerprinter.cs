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
    private readonly FingerprintMode _mode;
    private readonly string[] _labels;

    /// <summary>Initializes a new instance of the <see cref="AlertFingerprinter"/> class.</summary>
    /// <param name="options">The alerting options (mode and identity labels).</param>
    public AlertFingerprinter(AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mode = options.FingerprintMode;
        _labels = options.FingerprintLabels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Computes the fingerprint of an alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>64 lower-case hex characters.</returns>
    public string Compute(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var identity = new StringBuilder(128);
        if (_mode == FingerprintMode.Execution)
        {
            Append(identity, "mode", "execution");
            Append(identity, "severity", alert.Severity.ToString());
            Append(identity, "message", alert.Message);
            Append(identity, "trace", alert.TraceId ?? string.Empty);
        }
        else
        {
            Append(identity, "mode", "condition");
            Append(identity, "rule", alert.Rule);
            Append(identity, "service", alert.Labels.GetValueOrDefault(AlertLabels.Service) ?? string.Empty);
            Append(identity, "severity", alert.Severity.ToString());
            foreach (var label in _labels)
            {
                Append(identity, "label:" + label, alert.Labels.GetValueOrDefault(label) ?? string.Empty);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    // Length-prefixed fields: no choice of values can make two identities collide textually.
    private static void Append(StringBuilder identity, string name, string value)
        => identity.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
}
