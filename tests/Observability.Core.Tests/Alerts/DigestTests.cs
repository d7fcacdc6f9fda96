using System.Security.Cryptography;
using System.Text;
using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>A fingerprint's digest: its bytes folded when the library wrote it, those of the SHA-256 of its text otherwise, never the empty digest.</summary>
public sealed class DigestTests
{
    private const string Hex = "00112233445566778899aabbccddeeff0123456789abcdef0fedcba987654321";

    [Fact]
    public void TryParse_ReadsTheLibrarysFingerprints_AsTheirBytes()
    {
        Assert.True(Digest.TryParse(Hex, out var digest));
        Assert.Equal(new Digest(0x0011223344556677 ^ Mix(0x0123456789abcdef), 0x8899aabbccddeeff ^ Mix(0x0fedcba987654321)), digest);
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
    public void KeysThatDifferInOneHalfOnly_HaveDifferentDigests()
    {
        // Keys given by hand in the fingerprints' form, a counter at the end or at the start: none shares a digest.
        var keys = Enumerable.Range(1, 5_000).SelectMany(static i => new[] { $"{new string('a', 48)}{i:x16}", $"{i:x16}{new string('a', 48)}", $"{new string('0', 32)}{i:x32}" }).ToList();
        Assert.All(keys, static k => Assert.True(Digest.TryParse(k, out _)));
        Assert.Equal(keys.Count, keys.Select(Digest.Of).Distinct().Count());
    }

    [Fact]
    public void DifferentTexts_HaveDifferentDigests()
    {
        var texts = new[] { "a", "b", "A", "a ", Hex, Hex.ToUpperInvariant(), "é", "e\u0301" };
        Assert.Equal(texts.Length, texts.Select(Digest.Of).Distinct().Count());
    }

    // SplitMix64's finalizer, as the digest folds with it.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
