namespace Observability.Internal;

/// <summary>
/// What a value looks like: a credential, a placeholder, a masked value or ordinary text. Every check
/// is one pass over the value.
/// </summary>
internal static class ValueShapes
{
    private static readonly string[] PlaceholderWords = ["xxxx", "your_", "your-", "placeholder", "changeme", "change_me", "replace_me", "replaceme", "redacted", "***", "...", "\u2026", "${", "{{", "%s"];

    /// <summary>
    /// Tells whether a value written after a secret key word looks like a credential: long enough, not
    /// a placeholder, a masked value, a path, a number or a plain word (<c>Bad credentials</c> stays).
    /// </summary>
    /// <param name="value">The value, without quotes.</param>
    /// <param name="minLength">The shortest value treated as a credential.</param>
    /// <param name="requireDigit">Whether a digit is required (a value after a bare space rather than a separator).</param>
    public static bool LooksLikeCredential(ReadOnlySpan<char> value, int minLength, bool requireDigit = false)
    {
        if (value.Length < minLength || LooksLikePlaceholder(value))
        {
            return false;
        }

        var first = value[0];
        if (value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal) || first is '/' or '\\' || value.Contains("://", StringComparison.Ordinal) || HasPathBackslash(value) || IsPlainPath(value))
        {
            return false; // a path or an address, whose own credentials the URL rule handles
        }

        bool digit = false, symbol = false, space = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (c == ' ')
            {
                space = true;
            }
            else if (!char.IsAsciiLetter(c) && c is not ('_' or '-' or '.'))
            {
                symbol = true;
            }
        }

        if (space || IsNameWithVersion(value))
        {
            return false; // prose, or a package or file name with its version (jjwt-jackson-0.11.2)
        }

        // A plain word or identifier (letters with _ - .) is text; digits alone are an id, a port or a count.
        return (digit || (symbol && !requireDigit)) && !IsAllDigits(value);
    }

    /// <summary>Tells whether a value is a placeholder, a template or an already masked value.</summary>
    public static bool LooksLikePlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        return LooksLikeTemplate(value) || LooksLikePlaceholderBody(value) || HasSequenceRun(value, 10) || value.Contains("0000000000", StringComparison.Ordinal);
    }

    /// <summary>Tells whether a value is a template, a placeholder word or an already masked value (<c>${TOKEN}</c>, <c>&lt;token&gt;</c>, <c>***abcd</c>, <c>your_token</c>).</summary>
    public static bool LooksLikeTemplate(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] is '$' or '<' or '{' or '*' or '`' or '[' or '(' || value[^1] is '>' or '}' || (value[0] == '%' && value[^1] == '%'))
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tells whether a token body is filler: one letter repeated six times or more in a body of few distinct
    /// characters (<c>XXXXXXXX</c>, <c>xxxx1234</c>), or too few distinct characters. A long random body may hold
    /// such a run by chance or by encoding (base64 of zero bytes is <c>AAAAAA</c>), so the run alone does not decide.
    /// </summary>
    public static bool LooksLikePlaceholderBody(ReadOnlySpan<char> body)
    {
        var run = 1;
        var longRun = false;
        Span<bool> seen = stackalloc bool[128];
        var distinct = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c < 128 && char.IsAsciiLetterOrDigit(c) && !seen[c])
            {
                seen[c] = true;
                distinct++;
            }

            run = i > 0 && c == body[i - 1] ? run + 1 : 1;
            longRun |= run >= 6 && char.IsAsciiLetter(c);
        }

        return distinct < 5 || (longRun && distinct < 16);
    }

    /// <summary>Tells whether a value is a relative path of plain words (<c>secret/mysecret</c>, <c>acme/widget</c>): letters, <c>-</c>, <c>_</c> and <c>.</c> between slashes, no digits.</summary>
    public static bool IsPlainPath(ReadOnlySpan<char> value)
    {
        if (!value.Contains('/'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetter(c) && c is not ('/' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tells whether a value written after a password key with a separator (<c>password=TestSourcePassword</c>) is the password:
    /// a password may be a plain word, so any value of six characters or more that is not a placeholder, a path, an
    /// address, an upper-case constant name or a number.
    /// </summary>
    public static bool LooksLikePassword(ReadOnlySpan<char> value)
    {
        if (value.Length < 6 || value.Length > 128 || LooksLikePlaceholder(value) || value.Contains(' ') || value.Contains("://", StringComparison.Ordinal) || IsPlainPath(value) || IsAllDigits(value))
        {
            return false;
        }

        return value.ContainsAnyInRange('a', 'z'); // K8S_CRED, NUGET_PASSWORD: a constant's name, not its value
    }

    /// <summary>
    /// Tells whether a value is made up: it holds a counting run of letters (<c>abcdefghij</c>) of
    /// <paramref name="length"/> or more, or is mostly a counting run of digits (<c>xoxp-1234567890</c>).
    /// </summary>
    private static bool HasSequenceRun(ReadOnlySpan<char> value, int length)
    {
        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            var previous = char.ToLowerInvariant(value[i - 1]);
            var current = char.ToLowerInvariant(value[i]);
            var letters = char.IsAsciiLetterLower(current) && char.IsAsciiLetterLower(previous);
            var digits = char.IsAsciiDigit(current) && char.IsAsciiDigit(previous);
            run = (letters && current == previous + 1) || (digits && (current == previous + 1 || (previous == '9' && current == '0'))) ? run + 1 : 1;
            if (run >= length && (letters || run * 2 > value.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tells whether a value spells the name of its key, as a constant does (<c>BlindKeySignatures = Ed25519.BlindKeySignatures</c>,
    /// <c>X_KeyMeshing = "id-KeyMeshing"</c>): letters and digits only, case ignored, the value is part of the key or a long key part of the value.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="valueInKeyOnly">Only the value being part of the key counts (a password may contain its key's name).</param>
    public static bool SpellsName(ReadOnlySpan<char> key, ReadOnlySpan<char> value, bool valueInKeyOnly = false)
    {
        if (key.Length > 128 || value.Length > 128)
        {
            return false;
        }

        Span<char> keyBuffer = stackalloc char[128];
        Span<char> valueBuffer = stackalloc char[128];
        var k = keyBuffer[..Normalize(key, keyBuffer)];
        var v = valueBuffer[..Normalize(value, valueBuffer)];
        return (v.Length >= 6 && k.Contains(v, StringComparison.Ordinal)) || (!valueInKeyOnly && k.Length >= 12 && v.Contains(k, StringComparison.Ordinal));

        static int Normalize(ReadOnlySpan<char> text, Span<char> buffer)
        {
            var length = 0;
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }

            return length;
        }
    }

    /// <summary>Tells whether a value is a name followed by a version: letters with <c>-</c> or <c>_</c>, then <c>-1.2</c> or <c>_0.11.2</c>.</summary>
    private static bool IsNameWithVersion(ReadOnlySpan<char> value)
    {
        var i = value.Length;
        var dots = 0;
        while (i > 0 && (char.IsAsciiDigit(value[i - 1]) || value[i - 1] == '.'))
        {
            dots += value[i - 1] == '.' ? 1 : 0;
            i--;
        }

        if (dots == 0 || i < 4 || value[i - 1] is not ('-' or '_') || !char.IsAsciiDigit(value[i]) || !char.IsAsciiDigit(value[^1]) || value[i..].Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value[..(i - 1)])
        {
            if (!char.IsAsciiLetter(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether a value is an address with user-info (<c>scheme://user[:password]@host</c>), such as a DSN.</summary>
    public static bool IsAddressWithUserInfo(ReadOnlySpan<char> value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        var authority = value[(scheme + 3)..];
        var slash = authority.IndexOfAny('/', '?', '#');
        if (slash >= 0)
        {
            authority = authority[..slash];
        }

        var at = authority.LastIndexOf('@');
        return at > 0 && !LooksLikeTemplate(authority[..at]);
    }

    /// <summary>A backslash that is not an escaped quote or backslash: a Windows path.</summary>
    private static bool HasPathBackslash(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (i + 1 < value.Length && value[i + 1] is '"' or '\\')
                {
                    i++;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
