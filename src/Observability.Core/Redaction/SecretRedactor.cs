using System.Text.Json;
using System.Text.Json.Nodes;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Secret redaction by key and by value. A value whose key contains one of the configured fragments
/// (case-insensitive: token, secret, password, key, authorization, api_key) is shown as <c>***</c>
/// plus its last four characters, or <c>***</c> when it has four characters or fewer. In free text, secrets
/// are found by what they look like (<see cref="RedactText"/>), in time linear in the text's length;
/// structured values are walked (<see cref="RedactValue"/>). A Microsoft.Extensions.Compliance.Redaction
/// redactor may do the masking instead (<see cref="SecretRedactor(RedactionOptions, Microsoft.Extensions.Compliance.Redaction.Redactor?)"/>).
/// </summary>
public sealed partial class SecretRedactor
{
    private const int CleanSlots = 256; // a power of two
    private const int CleanMaxLength = 256;
    private const string Mask = "***";
    private static readonly IReadOnlyDictionary<string, object?> NoContext = System.Collections.Frozen.FrozenDictionary<string, object?>.Empty;
    private readonly string[] _fragments;
    private readonly System.Buffers.SearchValues<string> _fragmentSearch;
    private readonly int _visible;
    private readonly SecretScanner _scanner;

    // Short texts this redactor found clean, by reference, in slots picked by the object's identity hash: the same string
    // instance redacted again (a rule name, a title, a source, a label value that is a literal or reused) is answered
    // without a scan. Only clean texts are kept, each slot a single reference, so a read is never torn and what it finds
    // is clean by construction (strings do not change); nothing is allocated to fill it.
    private readonly string?[] _clean = new string?[CleanSlots];

    private readonly Microsoft.Extensions.Compliance.Redaction.Redactor? _masker;

    /// <summary>Initializes a new instance of the <see cref="SecretRedactor"/> class.</summary>
    /// <param name="options">The redaction options.</param>
    public SecretRedactor(RedactionOptions options)
        : this(options, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SecretRedactor"/> class whose secrets are masked by a
    /// Microsoft.Extensions.Compliance.Redaction redactor (an HMAC redactor, for example) instead of <c>***</c> plus the last
    /// characters. Where that redactor returns a secret unchanged, the built-in mask is used.
    /// </summary>
    /// <param name="options">The redaction options.</param>
    /// <param name="masker">The redactor that masks each secret found; null for the built-in mask.</param>
    public SecretRedactor(RedactionOptions options, Microsoft.Extensions.Compliance.Redaction.Redactor? masker)
    {
        ArgumentNullException.ThrowIfNull(options);
        _masker = masker;
        _fragments = options.SecretKeyFragments.Where(static f => !string.IsNullOrWhiteSpace(f)).ToArray();
        _visible = Math.Max(0, options.VisibleSuffixLength);
        _fragmentSearch = System.Buffers.SearchValues.Create(_fragments, StringComparison.OrdinalIgnoreCase);
        _scanner = new SecretScanner(_fragments);
    }

    /// <summary>Tells whether a key names a secret.</summary>
    /// <param name="key">The key, for example <c>GitHubToken</c> or <c>api_key</c>.</param>
    /// <returns><see langword="true"/> when the key contains a secret fragment.</returns>
    public bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.AsSpan().IndexOfAny(_fragmentSearch) >= 0; // one vectorised search for every fragment, in any case
    }

    /// <summary>Masks a secret value: <c>***</c> plus its last characters, or <c>***</c> when short (or as the compliance redactor given to the constructor masks it).</summary>
    /// <param name="value">The secret.</param>
    /// <returns>The masked value.</returns>
    public string MaskValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_masker is not null && value.Length > 0 && _masker.Redact(value) is var masked && !masked.Contains(value, StringComparison.Ordinal))
        {
            return masked;
        }

        return value.Length <= _visible ? Mask : string.Concat(Mask, value.AsSpan(value.Length - _visible));
    }

    /// <summary>Redacts one value under its key: masked when the key names a secret, walked when nested.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value: a scalar, a dictionary or a list.</param>
    /// <returns>The redacted value; the input is not changed.</returns>
    public object? Redact(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Walk(this).Pair(key, value, 0);
    }

    /// <summary>Redacts every entry of a dictionary, recursively.</summary>
    /// <param name="values">The entries.</param>
    /// <returns>A new dictionary with secrets masked.</returns>
    public IReadOnlyDictionary<string, object?> Redact(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Walk(this).Pairs(values, 0, mask: false);
    }

    /// <summary>Redacts string labels: masked under secret keys, free-text rules elsewhere.</summary>
    /// <param name="labels">The labels.</param>
    /// <returns>A new dictionary with secrets masked.</returns>
    public IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count > LabelSet.MaxLength)
        {
            var result = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
            foreach (var (key, value) in labels)
            {
                result[key] = RedactLabel(key, value);
            }

            return result;
        }

        // A handful of labels (the usual case): one array, keys and values side by side, no dictionary.
        var items = new string[2 * labels.Count];
        var length = 0;
        if (labels is Dictionary<string, string> dictionary)
        {
            foreach (var (key, value) in dictionary) // the struct enumerator: nothing boxed per alert; keys distinct
            {
                items[length++] = key;
                items[length++] = RedactLabel(key, value);
            }
        }
        else
        {
            foreach (var (key, value) in labels)
            {
                length = LabelSet.Put(items, length, key, RedactLabel(key, value)); // a key given twice keeps its last value
            }
        }

        return new LabelSet(length == items.Length ? items : items[..length]);
    }

    private string RedactLabel(string key, string value) => IsSecretKey(key) ? MaskValue(value) : RedactText(value);

    /// <summary>
    /// Masks secrets inside free text, found by what they look like: vendor tokens (GitHub, GitLab, Slack,
    /// AWS, Stripe, SendGrid, npm, NuGet, PyPI and more), JWTs, PEM private keys, <c>Bearer</c>/<c>Basic</c>
    /// credentials, URL user-info, Discord and Slack webhook addresses, and the value after a secret key
    /// word (<c>token=abc123</c>, <c>"password": "x"</c>, <c>KEY := "value"</c>). Only the secret is
    /// masked, never the key or the operator; placeholders, masked values and ordinary words stay.
    /// Linear in the text's length; text with nothing to mask is returned as is, without allocating.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with secret values masked.</returns>
    public string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cacheable = text.Length <= CleanMaxLength;
        var slot = cacheable ? System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(text) & (CleanSlots - 1) : 0;
        if (cacheable && ReferenceEquals(Volatile.Read(ref _clean[slot]), text))
        {
            return text;
        }

        List<Range>? found = null;
        _scanner.Scan(text, ref found);
        if (found is null)
        {
            if (cacheable)
            {
                Volatile.Write(ref _clean[slot], text);
            }

            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var last = 0;
        foreach (var range in found)
        {
            var (offset, length) = range.GetOffsetAndLength(text.Length);
            builder.Append(text, last, offset - last).Append(MaskValue(text.Substring(offset, length)));
            last = offset + length;
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>
    /// Redacts any value: a string (free-text rules), a dictionary (key-based rule, recursively), a list,
    /// a tuple (<see cref="System.Runtime.CompilerServices.ITuple"/>), a <see cref="JsonNode"/> or <see cref="JsonElement"/>,
    /// or a record or other object (its public properties, by the key-based rule). Dictionaries, JSON objects and objects
    /// come back as dictionaries, lists, tuples and JSON arrays as lists; numbers, booleans, dates and other scalars are kept.
    /// Nesting deeper than 32 levels and a value that contains itself are cut short with a marker, never followed.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The redacted value; the input is not changed.</returns>
    public object? RedactValue(object? value) => new Walk(this).Value(value, 0);

    /// <summary>Redacts an alert: rule, source, trace id, title, message, root cause, labels, context and links.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>A redacted copy.</returns>
    public Alert Redact(Alert alert) => Redact(alert, fingerprinter: null);

    /// <summary>Redacts an alert and, when it has none, gives it the fingerprint of its redacted identity: one copy of the alert, not two.</summary>
    internal Alert Redact(Alert alert, AlertFingerprinter? fingerprinter)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var rule = RedactText(alert.Rule);
        var traceId = alert.TraceId is null ? null : RedactText(alert.TraceId);
        var message = RedactText(alert.Message);
        var labels = Redact(alert.Labels);
        return alert with
        {
            Rule = rule,
            Source = RedactText(alert.Source),
            TraceId = traceId,
            Title = RedactText(alert.Title),
            Message = message,
            RootCause = alert.RootCause is null ? null : RedactText(alert.RootCause),
            Labels = labels,
            Context = alert.Context.Count == 0 ? NoContext : Redact(alert.Context), // never the caller's own (empty, for now) dictionary
            Links = alert.Links.Count == 0 ? alert.Links : alert.Links.Select(l => l with { Title = RedactText(l.Title), Url = new Uri(RedactText(l.Url.OriginalString), UriKind.RelativeOrAbsolute) }).ToArray(),
            Fingerprint = alert.Fingerprint ?? fingerprinter?.Compute(rule, labels, alert.Severity, message, traceId),
        };
    }
}
