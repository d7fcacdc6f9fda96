using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// Microsoft.Extensions.Compliance.Redaction in both directions, through the real <c>AddRedaction</c>: our redactor served by
/// its <see cref="IRedactorProvider"/>, and a user's redactor masking the secrets our redactor finds.
/// </summary>
public sealed class SecretRedactorComplianceTests
{
    private const string Token = "ghp_aB3cD4eF5gH6iJ7kL8mN9pQ2rS3tU4vW5xY6z";
    private static readonly DataClassification Custom = new("Acme", "Free text");

    [Fact]
    public void AddObservabilitySecretRedactor_ProviderServesItForTheClassification()
    {
        var services = new ServiceCollection();
        services.AddRedaction(r => r.AddObservabilitySecretRedactor(new DataClassificationSet(Custom)));
        using var provider = services.BuildServiceProvider();

        var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(new DataClassificationSet(Custom));

        Assert.IsType<SecretComplianceRedactor>(redactor);
        Assert.Equal("push failed with ***xY6z", redactor.Redact($"push failed with {Token}"));
        Assert.Equal("nothing secret", redactor.Redact("nothing secret"));
    }

    [Fact]
    public void AddObservabilitySecretRedactor_NoClassification_UsesTheSecretClassificationAndTheObservabilityOptions()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => { o.ServiceName = "checkout"; o.Redaction.VisibleSuffixLength = 2; });
        services.AddRedaction(r => r.AddObservabilitySecretRedactor());
        using var provider = services.BuildServiceProvider();

        var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(new DataClassificationSet(ObservabilityTaxonomy.Secret));

        Assert.Equal("password=***y8", redactor.Redact("password=Hunter2-x9y8"));
    }

    [Fact]
    public void SecretComplianceRedactor_SpanApi_WritesTheRedactedTextAndRejectsASmallBuffer()
    {
        var redactor = new SecretComplianceRedactor(new SecretRedactor(new RedactionOptions()));
        var source = $"token {Token} rejected";
        var buffer = new char[redactor.GetRedactedLength(source.AsSpan())];

        var written = redactor.Redact(source.AsSpan(), buffer);

        Assert.Equal("token ***xY6z rejected", new string(buffer, 0, written));
        Assert.Throws<ArgumentException>(() => redactor.Redact(source.AsSpan(), new char[3]));
    }

    [Fact]
    public void AddComplianceRedaction_UsersRedactorMasksEverySecretFound()
    {
        var services = new ServiceCollection();
        services.AddRedaction(r => r.SetRedactor<StarsRedactor>(new DataClassificationSet(ObservabilityTaxonomy.Secret)));
        services.AddObservability(o => o.ServiceName = "checkout").AddComplianceRedaction();
        using var provider = services.BuildServiceProvider();

        var redactor = provider.GetRequiredService<SecretRedactor>();

        Assert.Equal("password=<12 chars> and <41 chars>", redactor.RedactText($"password=Hunter2-x9y8 and {Token}"));
        Assert.Equal("<12 chars>", redactor.Redact(new Dictionary<string, string> { ["api_key"] = "k3y-v4lue-ab" })["api_key"]);
    }

    [Fact]
    public void AddComplianceRedaction_CustomClassification_UsesItsRedactor()
    {
        var services = new ServiceCollection();
        services.AddRedaction(r => r.SetRedactor<StarsRedactor>(new DataClassificationSet(Custom)).SetFallbackRedactor<NullRedactor>());
        services.AddObservability(o => o.ServiceName = "checkout").AddComplianceRedaction(new DataClassificationSet(Custom));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("token=<8 chars>", provider.GetRequiredService<SecretRedactor>().RedactText("token=abc123de"));
    }

    [Fact]
    public void AddComplianceRedaction_RedactorThatKeepsTheSecret_FallsBackToTheBuiltInMask()
    {
        var services = new ServiceCollection();
        services.AddRedaction(r => r.SetRedactor<NullRedactor>(new DataClassificationSet(ObservabilityTaxonomy.Secret)));
        services.AddObservability(o => o.ServiceName = "checkout").AddComplianceRedaction();
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<SecretRedactor>().RedactText($"push failed with {Token}");

        Assert.Equal("push failed with ***xY6z", result);
    }

    [Fact]
    public void ComplianceExtensions_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ComplianceRedactionExtensions.AddObservabilitySecretRedactor(null!));
        Assert.Throws<ArgumentNullException>(() => ComplianceRedactionExtensions.AddComplianceRedaction(null!));
        Assert.Throws<ArgumentNullException>(() => new SecretComplianceRedactor(null!));
    }

    /// <summary>A user's redactor: the value's length in angle brackets.</summary>
    private sealed class StarsRedactor : Redactor
    {
        public override int GetRedactedLength(ReadOnlySpan<char> input) => $"<{input.Length} chars>".Length;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            var text = $"<{source.Length} chars>";
            text.AsSpan().CopyTo(destination);
            return text.Length;
        }
    }
}
