using Microsoft.Extensions.Compliance.Classification;

namespace Observability;

/// <summary>
/// The data classification of Observability's redaction, for Microsoft.Extensions.Compliance.Redaction: the secrets the
/// <see cref="SecretRedactor"/> finds are masked by the redactor registered for <see cref="Secret"/> when
/// <c>AddComplianceRedaction</c> is used, and <c>AddObservabilitySecretRedactor</c> registers ours for it by default.
/// </summary>
public static class ObservabilityTaxonomy
{
    /// <summary>The taxonomy's name: <c>Observability</c>.</summary>
    public const string TaxonomyName = "Observability";

    /// <summary>Gets the classification of credentials: tokens, passwords, keys, webhook addresses, connection strings.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));
}
