using System.Security.Cryptography;
using System.Text;
using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>A fingerprint's digest: its bytes when the library wrote it, the SHA-256 of its text otherwise, never the empty digest.</summary>
public sealed class DigestTests
{
    private const string Hex = "00112233445566778899aabbccddeeff0123456789abcdef0fedcba987654321";

    [Fact]
    public void TryParse_ReadsTheLibrarysFingerprints_AsTheirBytes()
    {
        Assert.True(Digest.TryParse(Hex, out var digest));
        Assert.Equal(new Digest(UInt128.Parse("00112233445566778899aabbccddeeff", System.Globalization.NumberStyles.HexNumber), UInt128.Parse("0123456789abcdef0fedcba987654321", System.Globalization.NumberStyles.HexNumber)), digest);
        Assert.Equal(digest, Digest.Of(Hex));
    }

    [Theory]
    [InlineData("00112233445566778899AABBCCDDEEFF0123456789ABCDEF0FEDCBA987654321")] // upper case: another text
    [InlineData("00112233445566778899aabbccddeeff0123456789abcdef0fedcba98765432")] // 63 characters
    [InlineData("00112233445566778899aabbccddeeff0123456789abcdef0fedcba9876543210")] // 65 characters
    [InlineData("g0112233445566778899aabbccddeeff0123456789abcdef0fedcba987654321")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // would be the empty digest
    [InlineData("checkout-latency")]
    [InlineData("")]
    public void OtherTexts_AreNotParsed_AndGetTheSha256OfTheirText(string text)
    {
        Assert.False(Digest.TryParse(text, out _));
        var digest = Digest.Of(text);
        Assert.NotEqual(default, digest);
        Assert.NotEqual(Digest.Of(Hex), digest);
        Assert.Equal(digest, Digest.Of(new string(text.AsSpan()))); // by value, not by reference
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        Assert.True(Digest.TryParse(Convert.ToHexStringLower(hash), out var expected));
        Assert.Equal(expected, digest);
    }

    [Fact]
    public void DifferentTexts_HaveDifferentDigests()
    {
        var texts = new[] { "a", "b", "A", "a ", Hex, Hex.ToUpperInvariant(), "é", "e\u0301" };
        Assert.Equal(texts.Length, texts.Select(Digest.Of).Distinct().Count());
    }
}
