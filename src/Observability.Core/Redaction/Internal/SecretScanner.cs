using System.Buffers;

namespace Observability.Internal;

/// <summary>
/// Finds secrets in free text by what they look like, in one forward pass: a vectorised search for
/// the next trigger (a key word, a vendor prefix, <c>://</c>, <c>-----BEGIN</c>, an auth scheme), then
/// a bounded look at the word around it. The position only moves forward and every look-back stops
/// at the last handled position, so the cost is linear in the text's length whatever the text.
/// Text without a trigger costs one vectorised search and allocates nothing.
/// </summary>
internal sealed partial class SecretScanner
{
    private static readonly string[] BuiltInKeyWords = ["passwd", "pwd", "passphrase", "credential", "apikey", "client_secret", "auth"];

    /// <summary>Vendor names that make a key name a credential whatever its suffix (<c>SUMO_ACCESS_ID</c>, <c>cloudflare</c>), as their issuers' own scanners treat them.</summary>
    private static readonly string[] VendorKeyWords = ["cloudflare", "sumologic", "sumo"];
    private static readonly string[] PasswordKeyWords = ["password", "passwd", "pwd", "passphrase"];
    private static readonly string[] SchemeWords = ["bearer", "basic", "token", "bot", "flyv1"];
    private static readonly string[] ExcludedKeySuffixes = ["name", "names", "path", "file", "filename", "dir", "type", "kind", "id", "ids", "url", "uri", "length", "size", "count", "ref", "store", "format", "expiry", "expires", "endpoint", "provider", "scanning", "source"];

    /// <summary>
    /// Vendor prefixes go to the search by their first three characters, in sets small enough for a vectorised (Teddy)
    /// search each. Few enough per set that the search's buckets rarely match ordinary text by chance: with 52 a set, a clean
    /// 1 KB log line took 3.4-3.7 us, two thirds of it checking chance candidates; with 20 a set (six searches) 1.7-2.0 us.
    /// </summary>
    private const int PrefixesPerSet = 20;

    /// <summary>Two-character triggers, each a search of its own: in a set they would slow every search down (two-character fingerprints match ordinary text everywhere).</summary>
    private static readonly string[] ShortTriggers = ["Q~", "lQ", "|"];

    private readonly string[] _keyWords;
    private readonly SearchValues<string>[] _searches;
    private readonly SearchValues<string> _keyParts;
    private readonly TrigramFilter? _shortText;

    /// <summary>Gets a value indicating whether short texts are checked by <see cref="TrigramFilter"/> first.</summary>
    internal bool FiltersShortText => _shortText is not null;

    /// <summary>Initializes a new instance of the <see cref="SecretScanner"/> class.</summary>
    /// <param name="keyFragments">The fragments that make a word a secret key (the user's and the built-in ones).</param>
    /// <param name="shortTextFilter">Whether short texts go through <see cref="TrigramFilter"/> first (tests compare both ways).</param>
    public SecretScanner(IEnumerable<string> keyFragments, bool shortTextFilter = true)
    {
        _keyWords = keyFragments.Concat(BuiltInKeyWords).Where(static f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        // Key words, auth schemes and markers, matched in any case.
        var words = _keyWords
            .Concat(VendorKeyWords)
            .Concat(["://", "-----BEGIN", "bearer", "basic", "flyv1", "sig=", "--user", "-u ", KubernetesSecretKind])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        _keyParts = SearchValues.Create([.. _keyWords, .. VendorKeyWords], StringComparison.OrdinalIgnoreCase);

        // Vendor token and DER key prefixes, case-sensitive as their issuers write them; the rules check the whole prefix.
        var prefixes = TokenFormats.SearchPrefixes
            .Concat(PrivateKeyDerPrefixes)
            .Select(static p => p.Length > 3 ? p[..3] : p)
            .Where(static p => !ShortTriggers.Contains(p, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        _searches =
        [
            SearchValues.Create(words, StringComparison.OrdinalIgnoreCase),
            .. prefixes.Chunk(PrefixesPerSet).Select(static set => SearchValues.Create(set, StringComparison.Ordinal)),
        ];
        _shortText = shortTextFilter ? TrigramFilter.TryCreate(words, prefixes, ShortTriggers) : null;
    }

    /// <summary>Finds the secrets in <paramref name="text"/>; <paramref name="found"/> stays null when there are none.</summary>
    public void Scan(ReadOnlySpan<char> text, ref List<Range>? found)
    {
        if (_shortText is not null && text.Length <= TrigramFilter.MaxLength && _shortText.CertainlyClean(text))
        {
            return;
        }

        // The next hit of each search (the word set, the prefix sets, the short triggers), each searched again only
        // once the scan has passed it, so that every search runs over the text once.
        Span<int> hits = stackalloc int[_searches.Length + ShortTriggers.Length];
        hits.Fill(-1);
        var pos = 0;
        while (pos < text.Length)
        {
            var at = int.MaxValue;
            for (var i = 0; i < hits.Length; i++)
            {
                if (hits[i] < pos)
                {
                    var rest = text[pos..];
                    var next = i < _searches.Length ? rest.IndexOfAny(_searches[i]) : rest.IndexOf(ShortTriggers[i - _searches.Length], StringComparison.Ordinal);
                    hits[i] = next < 0 ? int.MaxValue : pos + next;
                }

                at = Math.Min(at, hits[i]);
            }

            if (at == int.MaxValue)
            {
                break;
            }

            var resume = Handle(text, pos, at, ref found);
            pos = Math.Max(resume, at + 1);
        }

        SortAndMerge(found);
    }

    private int Handle(ReadOnlySpan<char> text, int floor, int at, ref List<Range>? found)
    {
        var rest = text[at..];
        if (rest.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return PrivateKeyBlock(text, at, ref found);
        }

        if (rest.StartsWith("://", StringComparison.Ordinal))
        {
            return UrlAt(text, floor, at, ref found);
        }

        if (rest.StartsWith("--user", StringComparison.Ordinal) || rest.StartsWith("-u ", StringComparison.Ordinal))
        {
            return CommandLineUser(text, at, ref found);
        }

        if (rest.StartsWith("Q~", StringComparison.Ordinal))
        {
            return AzureClientSecret(text, floor, at, ref found);
        }

        if (rest[0] == '|')
        {
            return AppAccessToken(text, floor, at, ref found);
        }

        if (rest.StartsWith(KubernetesSecretKind, StringComparison.Ordinal))
        {
            return KubernetesSecret(text, at, ref found);
        }

        if (rest[0] is 'M' or 'l' && (at == 0 || !IsBase64Char(text[at - 1])) && PrivateKeyDer(text, at, ref found) is var derEnd and > 0)
        {
            return derEnd;
        }

        // The identifier word around the trigger: a vendor token starts it, or it is a key word.
        var start = at;
        while (start > floor && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        if (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
        {
            var tokenEnd = TokenFormats.Match(text, start);
            if (tokenEnd < 0 && start < at)
            {
                tokenEnd = TokenFormats.Match(text, at) is var inner and > 0 && !char.IsAsciiLetterOrDigit(text[at - 1]) ? inner : -1;
                if (tokenEnd > 0)
                {
                    start = at;
                }
            }

            if (tokenEnd > 0)
            {
                Add(ref found, start, tokenEnd);
                return tokenEnd;
            }

            if (Jwt.Match(text, start) is var jwtEnd and > 0)
            {
                Add(ref found, start, jwtEnd);
                return jwtEnd;
            }
        }

        var word = text[start..end];
        if (IsScheme(word) && end < text.Length && text[end] == ' ' && SchemeValue(text, end + 1, ref found) is var after and > 0)
        {
            return after;
        }

        if (!IsKeyWord(word))
        {
            return end;
        }

        return KeyValue(text, start, end, ref found);
    }

    private bool IsKeyWord(ReadOnlySpan<char> word)
    {
        if (word.Equals("sig", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!word.ContainsAny(_keyParts))
        {
            return false; // one vectorised look for the common case: a word that holds no key fragment at all
        }

        foreach (var vendor in VendorKeyWords)
        {
            if (ContainsKeyPart(word, vendor))
            {
                return true;
            }
        }

        var matched = false;
        foreach (var key in _keyWords)
        {
            if (ContainsKeyPart(word, key))
            {
                matched = true;
                break;
            }
        }

        if (!matched)
        {
            return false;
        }

        foreach (var suffix in ExcludedKeySuffixes)
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && (word[^(suffix.Length + 1)] is '_' or '-' or '.' || (char.IsAsciiLetterUpper(word[^suffix.Length]) && char.IsAsciiLetterLower(word[^(suffix.Length + 1)]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tells whether a key fragment is a part of the word, not the start of a longer word: <c>apiKey</c>,
    /// <c>KEY_ID</c>, <c>tokens</c>, but not <c>keyword</c>, <c>keying</c>, <c>monkeys</c> or <c>tokenizer</c>.
    /// </summary>
    private static bool ContainsKeyPart(ReadOnlySpan<char> word, string key)
    {
        var hasLower = word.ContainsAnyInRange('a', 'z');
        var from = 0;
        while (from <= word.Length - key.Length)
        {
            var i = word[from..].IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return false;
            }

            var after = from + i + key.Length;
            if (after < word.Length && key.Length >= 5 && word[after] is 's' or 'S' && (after + 1 == word.Length || !char.IsAsciiLetter(word[after + 1])))
            {
                after++; // a plural of a long fragment: tokens, secrets, credentials
            }

            if (after >= word.Length || !char.IsAsciiLetter(word[after]) || (hasLower && char.IsAsciiLetterUpper(word[after])))
            {
                return true;
            }

            from += i + 1;
        }

        return false;
    }

    /// <summary>An Azure AD client secret: three token characters, a digit, <c>Q~</c>, then 31 to 34 token characters.</summary>
    private static int AzureClientSecret(ReadOnlySpan<char> text, int floor, int at, ref List<Range>? found)
    {
        var start = at - 4;
        if (start < floor || !char.IsAsciiDigit(text[at - 1]) || (start > 0 && IsAzureChar(text[start - 1])))
        {
            return at + 2;
        }

        for (var i = start; i < at - 1; i++)
        {
            if (!IsAzureChar(text[i]) || text[i] == '-')
            {
                return at + 2;
            }
        }

        var end = at + 2;
        while (end < text.Length && IsAzureChar(text[end]))
        {
            end++;
        }

        var body = end - at - 2;
        if (body is >= 31 and <= 34 && !ValueShapes.LooksLikePlaceholderBody(text[(at + 2)..end]))
        {
            Add(ref found, start, end);
        }

        return end;
    }

    private static bool IsAzureChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '~' or '.' or '-';

    private static bool IsScheme(ReadOnlySpan<char> word)
    {
        foreach (var scheme in SchemeWords)
        {
            if (word.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether a character belongs to an identifier word (a key or a token's start).</summary>
    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>Tells whether a key names a password, whose value may be a plain word.</summary>
    private static bool IsPasswordKey(ReadOnlySpan<char> key)
    {
        foreach (var word in PasswordKeyWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Most rules add ranges in text order; a document rule (a Kubernetes Secret) may add earlier ones.</summary>
    private static void SortAndMerge(List<Range>? found)
    {
        if (found is null || found.Count < 2)
        {
            return;
        }

        var sorted = true;
        for (var i = 1; i < found.Count && sorted; i++)
        {
            sorted = found[i - 1].End.Value <= found[i].Start.Value;
        }

        if (sorted)
        {
            return;
        }

        found.Sort(static (a, b) => a.Start.Value.CompareTo(b.Start.Value));
        var merged = 0;
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Start.Value < found[merged].End.Value)
            {
                found[merged] = new Range(found[merged].Start, Math.Max(found[merged].End.Value, found[i].End.Value));
            }
            else
            {
                found[++merged] = found[i];
            }
        }

        found.RemoveRange(merged + 1, found.Count - merged - 1);
    }

    private static void Add(ref List<Range>? found, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        found ??= [];
        if (found.Count > 0 && found[^1].End.Value > start && found[^1].Start.Value <= start)
        {
            // Overlaps the previous one: widen it instead.
            var previous = found[^1];
            found[^1] = new Range(previous.Start, Math.Max(previous.End.Value, end));
            return;
        }

        found.Add(new Range(start, end));
    }
}
