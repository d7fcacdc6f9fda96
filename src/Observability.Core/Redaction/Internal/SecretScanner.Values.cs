namespace Observability.Internal;

/// <summary>The value rules of the scanner: <c>key = value</c>, auth schemes, command-line users.</summary>
internal sealed partial class SecretScanner
{
    /// <summary>Values longer than this that turn out not to be secrets are skipped whole (keeps rescans bounded).</summary>
    private const int RescanLimit = 64;

    /// <summary>
    /// After a key word: an optional closing quote, a separator (<c>=</c>, <c>:</c>, <c>:=</c>, <c>::=</c>,
    /// <c>=&gt;</c>, <c>+=</c>, <c>.=</c>, an XML <c>value=</c>, or spaces), then the value, quoted or not.
    /// Only the value is masked, never the key or the operator.
    /// </summary>
    private static int KeyValue(ReadOnlySpan<char> text, int keyStart, int keyEnd, ref List<Range>? found)
    {
        var j = SkipQuote(text, keyEnd);
        var spaced = SkipSpaces(text, j);
        var separator = SeparatorLength(text[spaced..]);
        var strong = separator > 0;
        if (!strong && j > keyEnd && keyStart > 0 && text[keyStart - 1] == text[j - 1] && spaced < text.Length && text[spaced] == ',')
        {
            // A quoted key and its quoted value as call arguments: GetEnvOrDefault("api_token", "value").
            var argument = SkipSpaces(text, spaced + 1);
            if (argument < text.Length && text[argument] is '"' or '\'')
            {
                separator = 1;
                strong = true;
            }
        }

        if (!strong && text[spaced..].StartsWith("value=", StringComparison.OrdinalIgnoreCase))
        {
            separator = "value=".Length;
            strong = true;
        }

        if (!strong && spaced == j)
        {
            return keyEnd; // no separator: the key word is just a word
        }

        var valueStart = strong ? SkipSpaces(text, spaced + separator) : spaced;
        return Value(text, text[keyStart..keyEnd], keyEnd, valueStart, strong ? 6 : 8, ref found, strong);
    }

    private static int Value(ReadOnlySpan<char> text, ReadOnlySpan<char> key, int keyEnd, int valueStart, int minLength, ref List<Range>? found, bool strongSeparator = false)
    {
        if (valueStart >= text.Length)
        {
            return keyEnd;
        }

        var (start, end, quoted) = ValueExtent(text, valueStart);
        if (end <= start)
        {
            return keyEnd;
        }

        var value = text[start..end];
        var space = value.IndexOf(' ');
        if (space > 0 && IsScheme(value[..space]))
        {
            // "Authorization: Bearer abc" inside quotes: the credential follows the scheme.
            return SchemeValue(text, start + space + 1, ref found, afterKey: true) is var afterScheme and > 0 ? Math.Max(afterScheme, end) : end;
        }

        if (space < 0 && IsScheme(value) && end < text.Length && text[end] == ' ' && !quoted)
        {
            return SchemeValue(text, end + 1, ref found, afterKey: strongSeparator) is var afterScheme and > 0 ? afterScheme : end;
        }

        if (!strongSeparator && !quoted && value.IndexOf('=') is var equals and > 0 && equals + 1 < value.Length && value[equals + 1] != '=')
        {
            // "Credential k8s_secret=value": the word after the key is itself a key, so look at it again (only the
            // value is looked at twice, and its inner key stops at the '=', so the scan stays linear).
            return start;
        }

        if (!quoted && IsNestedPair(value))
        {
            // "auth: method=oidc": the value is another key and its value, looked at again (short ones only, so that the scan stays linear).
            return end - start <= RescanLimit ? start : end;
        }

        var format = TokenFormats.Match(text, start);
        var credential = format == end || Jwt.Match(text, start) == end
            || (format < 0 && ValueShapes.LooksLikeCredential(value, minLength, requireDigit: minLength > 6) && !ValueShapes.SpellsName(key, value))
            || ((quoted || strongSeparator) && ValueShapes.IsAddressWithUserInfo(value)) // a DSN or connection URL under a secret key is the credential
            || ((quoted || (strongSeparator && !ProseFollows(text, end))) && IsPasswordKey(key) && ValueShapes.LooksLikePassword(value) && !ValueShapes.SpellsName(key, value, valueInKeyOnly: true));
        if (credential)
        {
            Add(ref found, start, end);
            return end;
        }

        // Not a secret: a word that may itself be a key (key="ClearTextPassword" value="..."), so look inside
        // short values again, and inside text (values with spaces, such as a quoted PEM block). Long words are
        // skipped whole so that the scan stays linear.
        return end - start <= RescanLimit ? keyEnd : space > 0 ? start : end;
    }

    /// <summary>The credential after an auth scheme word; after a secret key (<c>Authorization: Bearer x</c>) any non-placeholder value of 8 characters or more is one.</summary>
    private static int SchemeValue(ReadOnlySpan<char> text, int start, ref List<Range>? found, bool afterKey = false)
    {
        var end = start;
        while (end < text.Length && (afterKey ? !IsDelimiter(text, end) : TokenFormats.IsBodyChar(text[end]) || text[end] is '|' or ':' or '%'))
        {
            end++;
        }

        var value = text[start..end];
        if (value.Length < 8 || (!afterKey && value.TrimEnd('=').Contains('=')) || (end < text.Length && !IsDelimiter(text, end)) || ValueShapes.LooksLikePlaceholder(value) || (!afterKey && !HasDigitOrMixedCase(value)))
        {
            return -1;
        }

        Add(ref found, start, end);
        return end;
    }

    private static int CommandLineUser(ReadOnlySpan<char> text, int at, ref List<Range>? found)
    {
        var j = at + (text[at..].StartsWith("--user", StringComparison.Ordinal) ? "--user".Length : "-u".Length);
        if (j < text.Length && text[j] == '=')
        {
            j++;
        }

        j = SkipSpaces(text, j);
        if (j >= text.Length)
        {
            return j;
        }

        var (start, end, quoted) = ValueExtent(text, j);
        int userEnd, passwordStart, passwordEnd;
        if (quoted && end + 2 < text.Length && text[end] is '"' or '\'' && text[end + 1] == ':')
        {
            // --user "name":"password", as shells join two quoted words
            userEnd = end;
            (passwordStart, passwordEnd, _) = ValueExtent(text, end + 2);
        }
        else
        {
            var colon = text[start..end].IndexOf(':');
            if (colon < 0)
            {
                return end;
            }

            userEnd = start + colon;
            (passwordStart, passwordEnd) = (userEnd + 1, end);
        }

        var password = text[passwordStart..passwordEnd];
        if (password.Length >= 2 && password[0] == '{' && password[^1] == '}' && password[1] is not ('{' or '$'))
        {
            // A documented example's braces around the value ({ZqL5kVrX1n8tA2}): the credential is inside.
            if (ValueShapes.LooksLikeCredential(password[1..^1], 6))
            {
                Add(ref found, passwordStart + 1, passwordEnd - 1);
            }
        }
        else if (password.Length > 0 && !ValueShapes.LooksLikePlaceholder(password))
        {
            Add(ref found, passwordStart, passwordEnd);
        }
        else if (password.Length == 0 && userEnd > start && ValueShapes.LooksLikeCredential(text[start..userEnd], 8))
        {
            Add(ref found, start, userEnd); // "-u key:": an API key sent as the user name with an empty password
        }

        return Math.Max(passwordEnd, end);
    }

    /// <summary>The value's extent: inside its quotes, or up to the next delimiter.</summary>
    private static (int Start, int End, bool Quoted) ValueExtent(ReadOnlySpan<char> text, int at)
    {
        var quoteLength = text[at] == '\\' && at + 1 < text.Length && text[at + 1] is '"' or '\'' ? 2 : text[at] is '"' or '\'' or '`' ? 1 : 0;
        if (quoteLength > 0)
        {
            var quote = text[at + quoteLength - 1];
            var start = at + quoteLength;
            var end = start;
            while (end < text.Length && text[end] != quote && text[end] != '\n')
            {
                if (text[end] == '\\' && end + 1 < text.Length)
                {
                    if (quoteLength == 2 && text[end + 1] == quote)
                    {
                        break; // the closing \" of a value quoted inside a JSON string
                    }

                    // An escape inside the value (\" in a JSON string, \\\" in a nested one) is part of it.
                    var escaped = quoteLength == 2 && text[(end + 1)..].StartsWith(['\\', '\\', quote]) ? 4 : 2;
                    end = Math.Min(text.Length, end + escaped);
                    continue;
                }

                end++;
            }

            return (start, end, true);
        }

        var stop = at;
        while (stop < text.Length && !IsDelimiter(text, stop))
        {
            stop++;
        }

        return (at, stop, false);
    }

    private static bool IsDelimiter(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsWhiteSpace(c) || c is '"' or '\'' or '`' or ',' or ';' or ')' or ']' or '}' or '<' or '>')
        {
            return true;
        }

        if (c == '\\' && i + 1 < text.Length && text[i + 1] is 'n' or 'r' or 't' or '"')
        {
            return true; // an escaped newline or quote inside a JSON string
        }

        if (c == '&')
        {
            // The next query parameter ("&name="), not an ampersand inside a password.
            var j = i + 1;
            while (j < text.Length && IsWordChar(text[j]))
            {
                j++;
            }

            return j > i + 1 && j < text.Length && text[j] == '=';
        }

        return false;
    }

    private static int SeparatorLength(ReadOnlySpan<char> rest)
    {
        var colons = 0;
        while (colons < rest.Length && colons < 4 && rest[colons] == ':')
        {
            colons++;
        }

        if (colons > 1 && colons < rest.Length && rest[colons] == '=')
        {
            return colons + 1; // :=, ::=, :::=
        }

        foreach (var op in (ReadOnlySpan<string>)["::=", ":=", "=>", "+=", ".=", "?=", "==", "=", ":"])
        {
            if (rest.StartsWith(op, StringComparison.Ordinal))
            {
                return op.Length;
            }
        }

        return 0;
    }

    private static int SkipQuote(ReadOnlySpan<char> text, int i)
    {
        if (i < text.Length && text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\'')
        {
            return i + 2;
        }

        return i < text.Length && text[i] is '"' or '\'' ? i + 1 : i;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>Tells whether more words follow on the same line (<c>invalid password: expected 8 characters</c> is prose, not a password).</summary>
    private static bool ProseFollows(ReadOnlySpan<char> text, int end)
    {
        var next = SkipSpaces(text, end);
        return next > end && next < text.Length && char.IsAsciiLetterOrDigit(text[next]);
    }

    /// <summary>Tells whether a value is itself a <c>name=value</c> pair: a plain word of letters, then <c>=</c> and something other than padding.</summary>
    private static bool IsNestedPair(ReadOnlySpan<char> value)
    {
        var equals = value.IndexOf('=');
        if (equals < 2 || equals + 1 >= value.Length || value[equals + 1] == '=')
        {
            return false;
        }

        foreach (var c in value[..equals])
        {
            if (!char.IsAsciiLetter(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasDigitOrMixedCase(ReadOnlySpan<char> value)
    {
        bool upper = false, lower = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }

            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }

        return upper && lower;
    }
}
