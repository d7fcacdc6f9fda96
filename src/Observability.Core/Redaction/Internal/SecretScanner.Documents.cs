namespace Observability.Internal;

/// <summary>
/// The rules that look at more than a word: private keys without their PEM armour (base64 DER or an
/// OpenPGP secret-key packet), the data of a Kubernetes <c>Secret</c> manifest, and <c>app-id|app-secret</c>
/// access tokens.
/// </summary>
internal sealed partial class SecretScanner
{
    private const string KubernetesSecretKind = "kind: Secret";

    /// <summary>
    /// How base64 of a DER private key starts: a SEQUENCE (<c>0x30</c>) with a short, one-byte or two-byte length
    /// (<c>MC</c>/<c>MD</c>/<c>ME</c>/<c>MF</c>/<c>MG</c>/<c>MH</c>, <c>MIG</c>, <c>MII</c>); the decoded header decides.
    /// An OpenPGP secret-key packet (old format, tag 5) starts <c>lQ</c>.
    /// </summary>
    private static readonly string[] PrivateKeyDerPrefixes = ["MII", "MIG", "MC4C", "MFEC", "MFMC", "MHcC", "MHQC", "lQ"];

    /// <summary>
    /// A base64 private key without its <c>-----BEGIN</c> line (a key dumped from configuration or quoted in an
    /// exception): PKCS#1, PKCS#8 and SEC1 keys are a SEQUENCE whose first element is the INTEGER version 0 or 1,
    /// which certificates and public keys (a SEQUENCE first) never are; an OpenPGP secret key is packet tag 5
    /// with key version 4 to 6. The key runs over following lines made only of base64.
    /// </summary>
    private static int PrivateKeyDer(ReadOnlySpan<char> text, int at, ref List<Range>? found)
    {
        Span<byte> header = stackalloc byte[9];
        if (at + 12 > text.Length || !DecodeBase64(text.Slice(at, 12), header))
        {
            return -1;
        }

        bool isKey;
        if (text[at] == 'l')
        {
            isKey = header[0] == 0x95 && header[3] is 4 or 5 or 6;
        }
        else
        {
            var i = header[1] switch { < 0x80 => 2, 0x81 => 3, 0x82 => 4, _ => -1 };
            isKey = header[0] == 0x30 && i > 0 && header[i] == 0x02 && header[i + 1] == 0x01 && header[i + 2] is 0 or 1;
        }

        if (!isKey)
        {
            return -1;
        }

        var end = Base64Run(text, at);
        if (end - at < 40)
        {
            return -1;
        }

        // Continuation lines: a line break (real or escaped as \n inside a JSON string), optional indentation, then base64 only up to the next break.
        while (true)
        {
            var next = SkipLineBreak(text, end);
            if (next == end)
            {
                break;
            }

            next = SkipSpaces(text, next);
            var lineEnd = Base64Run(text, next);
            if (lineEnd - next < 4 || (lineEnd < text.Length && SkipLineBreak(text, lineEnd) == lineEnd && !IsDelimiter(text, lineEnd)))
            {
                break;
            }

            end = lineEnd;
        }

        Add(ref found, at, end);
        return end;
    }

    /// <summary>
    /// A Kubernetes <c>Secret</c> manifest: every value of its top-level <c>data:</c> or <c>stringData:</c> mapping is a
    /// secret (base64 or plain), block scalars (<c>|</c>, <c>&gt;</c>) included. The document is read once, from its
    /// <c>---</c> start to its end, whichever order its fields come in; other kinds (<c>ExternalSecret</c>) do not match.
    /// </summary>
    private static int KubernetesSecret(ReadOnlySpan<char> text, int at, ref List<Range>? found)
    {
        var lineEnd = at + KubernetesSecretKind.Length;
        while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t' or '\r')
        {
            lineEnd++;
        }

        if ((at > 0 && text[at - 1] != '\n') || (lineEnd < text.Length && text[lineEnd] != '\n'))
        {
            return lineEnd; // ExternalSecret, SecretStore, or "kind: Secret" inside other text
        }

        var docStart = text[..at].LastIndexOf("\n---", StringComparison.Ordinal) is var s and >= 0 ? s + 1 : 0;
        var docEnd = text[lineEnd..].IndexOf("\n---", StringComparison.Ordinal) is var e and >= 0 ? lineEnd + e : text.Length;
        var doc = text[docStart..docEnd];
        var inData = false;
        var blockIndent = -1;
        var line = 0;
        while (line < doc.Length)
        {
            var next = doc[line..].IndexOf('\n') is var n and >= 0 ? line + n + 1 : doc.Length;
            var content = doc[line..next].TrimEnd();
            var indent = 0;
            while (indent < content.Length && content[indent] is ' ' or '\t')
            {
                indent++;
            }

            if (content.Length == indent)
            {
                line = next;
                continue;
            }

            if (blockIndent >= 0 && indent > blockIndent)
            {
                Add(ref found, docStart + line + indent, docStart + line + content.Length); // a line of a block scalar
            }
            else if (indent == 0)
            {
                blockIndent = -1;
                inData = content.SequenceEqual("data:") || content.SequenceEqual("stringData:");
            }
            else if (inData && content[indent] != '#')
            {
                blockIndent = -1;
                var colon = content.IndexOf(':');
                if (colon > indent)
                {
                    var value = content[(colon + 1)..].TrimStart();
                    var valueStart = docStart + line + content.Length - value.Length;
                    if (value.Length > 0 && value[0] is '|' or '>')
                    {
                        blockIndent = indent;
                    }
                    else
                    {
                        var quoted = value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0];
                        var inner = quoted ? value[1..^1] : value;
                        if (inner.Length > 0 && !ValueShapes.LooksLikeTemplate(inner))
                        {
                            Add(ref found, valueStart + (quoted ? 1 : 0), valueStart + (quoted ? 1 : 0) + inner.Length);
                        }
                    }
                }
            }

            line = next;
        }

        return docEnd;
    }

    /// <summary>
    /// An app access token, <c>app-id|app-secret</c> (Facebook's documented form): ten or more digits, a bar, then
    /// 20 to 64 token characters with digits and letters. The whole token is the credential.
    /// </summary>
    private static int AppAccessToken(ReadOnlySpan<char> text, int floor, int at, ref List<Range>? found)
    {
        var start = at;
        while (start > floor && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        if (at - start < 10 || (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])))
        {
            return at + 1;
        }

        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }

        var secret = text[(at + 1)..end];
        if (secret.Length is < 20 or > 64 || !HasDigitOrMixedCase(secret) || !secret.ContainsAnyInRange('0', '9') || ValueShapes.LooksLikePlaceholder(secret))
        {
            return at + 1;
        }

        Add(ref found, start, end);
        return end;
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';

    private static int Base64Run(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsBase64Char(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Skips one line break (<c>\n</c>, <c>\r\n</c>, or their escaped forms inside a JSON string); returns <paramref name="i"/> when there is none.</summary>
    private static int SkipLineBreak(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (rest.StartsWith("\r\n", StringComparison.Ordinal) || rest.StartsWith("\\n", StringComparison.Ordinal))
        {
            return i + 2;
        }

        if (rest.StartsWith("\\r\\n", StringComparison.Ordinal))
        {
            return i + 4;
        }

        return rest.Length > 0 && rest[0] == '\n' ? i + 1 : i;
    }

    private static bool DecodeBase64(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        var bits = 0;
        var count = 0;
        var written = 0;
        foreach (var c in chars)
        {
            int v = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' => 62,
                '/' => 63,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }

            bits = (bits << 6) | v;
            count += 6;
            if (count >= 8)
            {
                count -= 8;
                if (written < bytes.Length)
                {
                    bytes[written++] = (byte)(bits >> count);
                }

                bits &= (1 << count) - 1;
            }
        }

        return written == bytes.Length;
    }
}
