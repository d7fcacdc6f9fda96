namespace Observability.Internal;

/// <summary>Sentry's tag rules: keys of at most 32 characters from <c>[A-Za-z0-9_.:-]</c>, values of 1 to 200 characters on one line.</summary>
internal static class SentryTags
{
    public const int MaxKeyLength = 32;

    public const int MaxValueLength = 200;

    /// <summary>The most labels turned into tags; every label is also in the <c>alert</c> context.</summary>
    public const int MaxLabelTags = 50;

    /// <summary>Tag names Sentry fills itself or reads with a meaning of its own; labels never take them.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "environment", "release", "dist", "level", "logger", "server_name", "user", "transaction", "event.type", "event_id", "url", "os", "device", "runtime", "browser",
    };

    public static bool IsReserved(string key) => Reserved.Contains(key) || key.StartsWith("sentry:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key with every character Sentry refuses replaced by <c>_</c>, cut to 32 characters; <see langword="null"/> when nothing is left.</summary>
    public static string? Key(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var trimmed = key.Trim();
        var length = Math.Min(trimmed.Length, MaxKeyLength);
        return string.Create(length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-' ? c : '_';
            }
        });
    }

    /// <summary>The value on one line, cut to 200 characters with an ellipsis; <see langword="null"/> when blank.</summary>
    public static string? Value(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var flat = value.ReplaceLineEndings(" ").Replace('\t', ' ').Trim();
        return flat.Length <= MaxValueLength ? flat : string.Concat(flat.AsSpan(0, MaxValueLength - 1), "…");
    }
}
