using System.Buffers;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Key-based secret redaction. A value whose key contains one of the configured fragments
/// (case-insensitive: token, secret, password, key, authorization, api_key) is shown as <c>***</c>
/// plus its last four characters, or <c>***</c> when it has four characters or fewer. Nested
/// dictionaries and lists are walked; <c>key=value</c> and <c>key: value</c> pairs, bearer
/// credentials and passwords in URLs are masked inside free text too.
/// </summary>
public sealed partial class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _fragments;
    private readonly int _visible;
    private readonly Regex _pairs;
    private readonly SearchValues<string>? _fragmentSearch;

    /// <summary>Initializes a new instance of the <see cref="SecretRedactor"/> class.</summary>
    /// <param name="options">The redaction options.</param>
    public SecretRedactor(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fragments = options.SecretKeyFragments.Where(static f => !string.IsNullOrWhiteSpace(f)).ToArray();
        _visible = Math.Max(0, options.VisibleSuffixLength);
        _fragmentSearch = _fragments.Length == 0 ? null : SearchValues.Create(_fragments, StringComparison.OrdinalIgnoreCase);
        var alternatives = string.Join('|', _fragments.Select(Regex.Escape));
        _pairs = new Regex(
            // A key containing a fragment, a separator (=, :, or a JSON "key": "value"), then the value:
            // a scheme + credential ("Bearer abc"), a quoted string, or a run without separators.
            // Bounded key parts keep matching linear in the text's length (no catastrophic backtracking);
            // quoted values honour backslash escapes so an escaped quote cannot end the secret early.
            $$"""(?<key>[\w.\-]{0,64}(?:{{alternatives}})[\w.\-]{0,64})(?<sep>"?\s*[:=]\s*)(?<value>(?:Bearer|Basic|Token|Bot)\s+[^\s,;&"']+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&"']+)""",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>Tells whether a key names a secret.</summary>
    /// <param name="key">The key, for example <c>GitHubToken</c> or <c>api_key</c>.</param>
    /// <returns><see langword="true"/> when the key contains a secret fragment.</returns>
    public bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var fragment in _fragments)
        {
            if (key.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks a secret value: <c>***</c> plus its last characters, or <c>***</c> when short.</summary>
    /// <param name="value">The secret.</param>
    /// <returns>The masked value.</returns>
    public string MaskValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= _visible ? Mask : string.Concat(Mask, value.AsSpan(value.Length - _visible));
    }

    /// <summary>Redacts one value under its key: masked when the key names a secret, walked when nested.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value: a scalar, a dictionary or a list.</param>
    /// <returns>The redacted value; the input is not changed.</returns>
    public object? Redact(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsSecretKey(key) ? MaskAll(value) : RedactNested(value);
    }

    /// <summary>Redacts every entry of a dictionary, recursively.</summary>
    /// <param name="values">The entries.</param>
    /// <returns>A new dictionary with secrets masked.</returns>
    public IReadOnlyDictionary<string, object?> Redact(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Dictionary<string, object?>(values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            result[key] = Redact(key, value);
        }

        return result;
    }

    /// <summary>Redacts string labels: masked under secret keys, free-text rules elsewhere.</summary>
    /// <param name="labels">The labels.</param>
    /// <returns>A new dictionary with secrets masked.</returns>
    public IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            result[key] = IsSecretKey(key) ? MaskValue(value) : RedactText(value);
        }

        return result;
    }

    /// <summary>
    /// Masks secrets inside free text: <c>token=abc123</c>, <c>"password": "x"</c>,
    /// <c>Authorization: Bearer abc</c>, and the password of <c>scheme://user:password@host</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with secret values masked.</returns>
    public string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        try
        {
            // Cheap vectorised pre-checks: a pair needs a key holding a fragment, a URL credential needs "://" and "@".
            // Most text has neither, and the scans below cost far more than these searches.
            var masked = _fragmentSearch is null || !text.AsSpan().ContainsAny(_fragmentSearch)
                ? text
                : _pairs.Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + MaskMatchedValue(m.Groups["value"].Value));
            return masked.Contains('@', StringComparison.Ordinal) && masked.Contains("://", StringComparison.Ordinal)
                ? UrlCredentials().Replace(masked, m => m.Groups["prefix"].Value + MaskValue(m.Groups["password"].Value) + "@")
                : masked;
        }
        catch (RegexMatchTimeoutException)
        {
            // Text too pathological to scan in time: hide all of it rather than risk a leak or a throw.
            return MaskValue(text);
        }
    }

    /// <summary>Redacts an alert: title, message, root cause, labels, context and link addresses.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>A redacted copy.</returns>
    public Alert Redact(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert with
        {
            Title = RedactText(alert.Title),
            Message = RedactText(alert.Message),
            RootCause = alert.RootCause is null ? null : RedactText(alert.RootCause),
            Labels = Redact(alert.Labels),
            Context = Redact(alert.Context),
            Links = alert.Links.Select(l => l with { Title = RedactText(l.Title), Url = new Uri(RedactText(l.Url.OriginalString), UriKind.RelativeOrAbsolute) }).ToArray(),
        };
    }

    private string MaskMatchedValue(string value)
    {
        // Keep quotes and the auth scheme visible: "Bearer ***abcd", "***abcd".
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            return value[0] + MaskValue(value[1..^1]) + value[0];
        }

        var space = value.IndexOfAny([' ', '\t']);
        return space > 0 ? string.Concat(value.AsSpan(0, space + 1), MaskValue(value[(space + 1)..].TrimStart())) : MaskValue(value);
    }

    private object? MaskAll(object? value) => value switch
    {
        null => null,
        string s => MaskValue(s),
        IDictionary dictionary => WalkDictionary(dictionary, static (self, _, v) => self.MaskAll(v)),
        JsonNode or JsonElement => MaskAll(JsonValues.ToPlain(value)),
        IEnumerable<KeyValuePair<string, object?>> pairs => WalkPairs(pairs, static (self, _, v) => self.MaskAll(v)),
        IEnumerable list => WalkList(list, static (self, v) => self.MaskAll(v)),
        _ => MaskValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private object? RedactNested(object? value) => value switch
    {
        null => null,
        string s => RedactText(s),
        IReadOnlyDictionary<string, object?> dictionary => Redact(dictionary),
        IDictionary dictionary => WalkDictionary(dictionary, static (self, k, v) => self.Redact(k, v)),
        JsonNode or JsonElement => RedactNested(JsonValues.ToPlain(value)),
        IEnumerable<KeyValuePair<string, object?>> pairs => WalkPairs(pairs, static (self, k, v) => self.Redact(k, v)),
        IEnumerable<KeyValuePair<string, string>> pairs => WalkPairs(pairs.Select(static p => KeyValuePair.Create(p.Key, (object?)p.Value)), static (self, k, v) => self.Redact(k, v)),
        IEnumerable list => WalkList(list, static (self, v) => self.RedactNested(v)),
        _ => value,
    };

    private Dictionary<string, object?> WalkDictionary(IDictionary dictionary, Func<SecretRedactor, string, object?, object?> visit)
    {
        var result = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            result[key] = visit(this, key, entry.Value);
        }

        return result;
    }

    private Dictionary<string, object?> WalkPairs(IEnumerable<KeyValuePair<string, object?>> pairs, Func<SecretRedactor, string, object?, object?> visit)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            result[key] = visit(this, key, value);
        }

        return result;
    }

    private List<object?> WalkList(IEnumerable list, Func<SecretRedactor, object?, object?> visit)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            result.Add(visit(this, item));
        }

        return result;
    }

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.\-]*://[^\s/:@]*:)(?<password>[^\s/@]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UrlCredentials();
}
