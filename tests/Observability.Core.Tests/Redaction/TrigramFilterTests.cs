using System.Text;
using Observability.Internal;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// The short-text filter may only skip texts in which the full scan finds nothing: every test compares the scanner with
/// the filter against the same scanner without it, on the secrets of every kind and on generated texts built from
/// pieces of triggers.
/// </summary>
public sealed class TrigramFilterTests
{
    private static readonly string[] Fragments = new RedactionOptions().SecretKeyFragments.ToArray();
    private readonly SecretScanner _filtered = new(Fragments);
    private readonly SecretScanner _full = new(Fragments, shortTextFilter: false);

    [Fact]
    public void DefaultScanner_UsesTheFilter()
        => Assert.True(_filtered.FiltersShortText);

    [Theory]
    [MemberData(nameof(SecretRedactorByValueTests.Secrets), MemberType = typeof(SecretRedactorByValueTests))]
    public void EverySecretKind_InShortTexts_IsFoundAsWithoutTheFilter(string kind, string secret)
    {
        _ = kind;
        foreach (var text in new[] { secret, "x " + secret, "token=" + secret, "\"password\": \"" + secret + "\"", secret.ToUpperInvariant(), secret.ToLowerInvariant() })
        {
            foreach (var cut in new[] { text, text[..Math.Min(text.Length, TrigramFilter.MaxLength)], text[..Math.Min(text.Length, 12)] })
            {
                AssertSame(cut);
            }
        }
    }

    [Fact]
    public void GeneratedTexts_FromPiecesOfTriggers_AreFoundAsWithoutTheFilter()
    {
        string[] pieces =
        [
            "ghp_", "gho_", "xoxb-", "AKIA", "sk_live_", "SG.", "npm_", "glpat-", "eyJ", "MII", "lQ", "Q~", "|", "://", "-u ", "--user",
            "token", "TOKEN", "Token", "pwd", "PassWord", "secret", "api_key", "ApiKey", "auth", "bearer ", "Basic ", "sig=", "kind: Secret",
            "=", ": ", "\"", " ", "-", "_", "/", "@", "abc", "Z9", "0123456789abcdef", "XYZxyz", "..", "${TOKEN}", "***",
        ];
        var random = new Random(20261207);
        var differences = 0;
        var found = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var builder = new StringBuilder();
            var target = random.Next(0, TrigramFilter.MaxLength + 8);
            while (builder.Length < target)
            {
                builder.Append(random.Next(4) == 0 ? (char)random.Next(32, 127) : pieces[random.Next(pieces.Length)]);
            }

            var text = builder.ToString();
            var withFilter = Scan(_filtered, text);
            var without = Scan(_full, text);
            found += without.Length > 0 ? 1 : 0;
            differences += withFilter == without ? 0 : 1;
        }

        Assert.Equal(0, differences);
        Assert.InRange(found, 1_000, 19_000); // the texts do hold secrets to find, and not everywhere
    }

    [Theory]
    [InlineData("paſſword=hunter2hunter2hunter2")] // the long s folds to 's' outside ASCII
    [InlineData("ınvalid tokın=abcdefabcdef012345")]
    [InlineData("token=ａｂｃｄｅｆ０１２３４５６７８９")]
    public void NonAsciiTexts_GoToTheFullScan(string text)
        => AssertSame(text);

    [Fact]
    public void ThreeHundredTriggers_FlagFewOtherTrigrams()
    {
        // As many triggers as the scanner has, of random lower-case letters; then every trigram of lower-case letters,
        // digits and '-' that starts none of them is tried: a flagged one costs a full scan, so few may be.
        var random = new Random(7);
        var triggers = Enumerable.Range(0, 300).Select(_ => new string(Enumerable.Range(0, 3 + random.Next(6)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray())).ToArray();
        var filter = TrigramFilter.TryCreate(triggers, [], [])!;
        var starts = triggers.Select(static t => t[..3]).ToHashSet(StringComparer.Ordinal);
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        var tried = 0;
        var flagged = 0;
        foreach (var a in Alphabet)
        {
            foreach (var b in Alphabet)
            {
                foreach (var c in Alphabet)
                {
                    var trigram = new string([a, b, c]);
                    if (starts.Contains(trigram))
                    {
                        Assert.False(filter.CertainlyClean(trigram)); // never a false negative
                        continue;
                    }

                    tried++;
                    flagged += filter.CertainlyClean(trigram) ? 0 : 1;
                }
            }
        }

        Assert.True(flagged <= tried / 5_000, $"{flagged} of {tried} trigrams that start no trigger were flagged"); // one hash flagged about 1 in 200
    }

    [Theory]
    [InlineData("svc-12")]
    [InlineData("Storm alert")]
    [InlineData("error_rate_critical")]
    [InlineData("checkout")]
    public void OrdinaryShortTexts_AreLeftAlone(string text)
    {
        Assert.Equal(string.Empty, Scan(_filtered, text));
        Assert.Equal(string.Empty, Scan(_full, text));
    }

    private void AssertSame(string text)
        => Assert.True(Scan(_filtered, text) == Scan(_full, text), $"the filter changed what is found in '{text}'");

    private static string Scan(SecretScanner scanner, string text)
    {
        List<Range>? found = null;
        scanner.Scan(text, ref found);
        return found is null ? string.Empty : string.Join(";", found.Select(r => r.ToString()));
    }
}
