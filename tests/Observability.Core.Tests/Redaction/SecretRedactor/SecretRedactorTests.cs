namespace Observability.Core.Tests.Redaction;

/// <summary>
/// The redactor's public surface: which keys are secret and how a value is masked, with its options, here; dictionaries,
/// free text and alerts each in a file of their own.
/// </summary>
public sealed partial class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Theory]
    [InlineData("GitHubToken")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("db_password")]
    [InlineData("ApiKey")]
    [InlineData("Authorization")]
    [InlineData("api_key")]
    [InlineData("X-API-KEY")]
    public void IsSecretKey_KeyContainsDefaultFragmentInAnyCase_ReturnsTrue(string key)
    {
        Assert.True(_redactor.IsSecretKey(key));
    }

    [Theory]
    [InlineData("service")]
    [InlineData("region")]
    [InlineData("environment")]
    [InlineData("")]
    public void IsSecretKey_OrdinaryKey_ReturnsFalse(string key)
    {
        Assert.False(_redactor.IsSecretKey(key));
    }

    [Theory]
    [InlineData("abcdefgh", "***efgh")]
    [InlineData("abcde", "***bcde")]
    [InlineData("abcd", "***")]
    [InlineData("a", "***")]
    [InlineData("", "***")]
    public void MaskValue_DefaultOptions_KeepsLastFourCharactersOnlyWhenLonger(string value, string expected)
    {
        Assert.Equal(expected, _redactor.MaskValue(value));
    }

    [Fact]
    public void Redactor_CustomOptions_UsesExtraFragmentAndSuffixLength()
    {
        var options = new RedactionOptions { VisibleSuffixLength = 2 };
        options.SecretKeyFragments.Add("dsn");
        var redactor = new SecretRedactor(options);

        Assert.True(redactor.IsSecretKey("SENTRY_DSN"));
        Assert.False(_redactor.IsSecretKey("SENTRY_DSN"));
        Assert.Equal("***gh", redactor.MaskValue("abcdefgh"));
        Assert.Equal("***", redactor.MaskValue("ab"));
        Assert.Equal("***gh", redactor.Redact(new Dictionary<string, object?> { ["Sentry_Dsn"] = "abcdefgh" })["Sentry_Dsn"]);
        Assert.Equal("sentry dsn=***/1 rejected", redactor.RedactText("sentry dsn=https://abc@o1.ingest.sentry.io/1 rejected"));
    }

    [Fact]
    public void Redactor_SuffixLengthZero_ShowsOnlyMask()
    {
        var redactor = new SecretRedactor(new RedactionOptions { VisibleSuffixLength = 0 });

        Assert.Equal("***", redactor.MaskValue("abcdefgh"));
    }

    [Fact]
    public void Redactor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new SecretRedactor(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.IsSecretKey(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.MaskValue(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.RedactText(null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.Redact((Alert)null!));
        Assert.Throws<ArgumentNullException>(() => _redactor.Redact((IReadOnlyDictionary<string, object?>)null!));
    }
}
