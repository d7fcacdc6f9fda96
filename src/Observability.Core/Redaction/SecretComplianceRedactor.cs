using Microsoft.Extensions.Compliance.Redaction;

namespace Observability;

/// <summary>
/// The <see cref="SecretRedactor"/> as a Microsoft.Extensions.Compliance.Redaction <see cref="Redactor"/>: the secrets found in
/// the value (tokens, passwords after a key, credentials in URLs, private keys...) are masked as <c>***</c> plus their last
/// characters, and the rest of the value is kept. Meant for classified free text that may hold secrets (messages, command
/// lines, configuration dumps); for a value that is a secret as a whole, an erasing or HMAC redactor fits better.
/// Register it with <c>AddObservabilitySecretRedactor</c>.
/// </summary>
/// <example>
/// <code>
/// services.AddRedaction(r => r.AddObservabilitySecretRedactor(new DataClassificationSet(ObservabilityTaxonomy.Secret)));
/// </code>
/// </example>
public sealed class SecretComplianceRedactor : Redactor
{
    private readonly SecretRedactor _redactor;

    /// <summary>Initializes a new instance of the <see cref="SecretComplianceRedactor"/> class.</summary>
    /// <param name="redactor">The secret redactor to expose.</param>
    public SecretComplianceRedactor(SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
    }

    /// <inheritdoc/>
    public override string Redact(string? source) => source is null ? string.Empty : _redactor.RedactText(source);

    /// <inheritdoc/>
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var redacted = _redactor.RedactText(source.ToString());
        if (redacted.Length > destination.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} characters; the redacted value needs {redacted.Length}.", nameof(destination));
        }

        redacted.AsSpan().CopyTo(destination);
        return redacted.Length;
    }

    /// <inheritdoc/>
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : _redactor.RedactText(input.ToString()).Length;
}
