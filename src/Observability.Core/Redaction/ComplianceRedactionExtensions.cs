using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Both directions between Observability's redaction and Microsoft.Extensions.Compliance.Redaction: register the
/// <see cref="SecretRedactor"/> as a compliance <see cref="Redactor"/>, or let a registered compliance redactor mask the
/// secrets that the <see cref="SecretRedactor"/> finds.
/// </summary>
public static class ComplianceRedactionExtensions
{
    /// <summary>
    /// Registers the <see cref="SecretRedactor"/> (with the options of <c>AddObservability</c>, or the defaults) as the
    /// compliance redactor of <paramref name="classifications"/>, as <see cref="SecretComplianceRedactor"/>.
    /// </summary>
    /// <param name="builder">The redaction builder of <c>AddRedaction</c>.</param>
    /// <param name="classifications">The classifications to redact with it; none means <see cref="ObservabilityTaxonomy.Secret"/>.</param>
    /// <returns>The builder.</returns>
    public static IRedactionBuilder AddObservabilitySecretRedactor(this IRedactionBuilder builder, params DataClassificationSet[] classifications)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(classifications);
        builder.Services.AddOptions();
        builder.Services.TryAddSingleton(static sp => new SecretRedactor(sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Redaction));
        return builder.SetRedactor<SecretComplianceRedactor>(classifications.Length > 0 ? classifications : [new DataClassificationSet(ObservabilityTaxonomy.Secret)]);
    }

    /// <summary>
    /// Lets the compliance redactor registered for <paramref name="classifications"/> (through <c>AddRedaction</c>) mask every
    /// secret the <see cref="SecretRedactor"/> finds, in alerts, logs, reports and errors: an HMAC redactor, for example, turns
    /// each secret into a stable hash instead of <c>***</c> plus its last characters. A redactor that returns a secret
    /// unchanged (a <see cref="NullRedactor"/>) is ignored for that secret, which keeps the built-in mask.
    /// </summary>
    /// <param name="builder">The Observability builder.</param>
    /// <param name="classifications">The classifications whose redactor masks secrets; null means <see cref="ObservabilityTaxonomy.Secret"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddComplianceRedaction(this IObservabilityBuilder builder, DataClassificationSet? classifications = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var set = classifications ?? new DataClassificationSet(ObservabilityTaxonomy.Secret);
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new SecretRedactor(
            sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Redaction,
            sp.GetRequiredService<IRedactorProvider>().GetRedactor(set))));
        return builder;
    }
}
