namespace Observability;

/// <summary>Key-based secret redaction applied to alerts before any sink sees them.</summary>
public sealed class RedactionOptions
{
    /// <summary>
    /// Gets the fragments that mark a key as secret, matched case-insensitively anywhere in the key.
    /// Default: <c>token</c>, <c>secret</c>, <c>password</c>, <c>key</c>, <c>authorization</c>, <c>api_key</c>.
    /// </summary>
    public IList<string> SecretKeyFragments { get; } = ["token", "secret", "password", "key", "authorization", "api_key"];

    /// <summary>Gets or sets how many trailing characters of a secret stay visible after <c>***</c>; values this long or shorter become <c>***</c>. Default: 4.</summary>
    public int VisibleSuffixLength { get; set; } = 4;
}
