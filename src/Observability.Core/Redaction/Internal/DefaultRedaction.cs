namespace Observability.Internal;

/// <summary>
/// A redactor with the default options, for the parsers that quote input in their rejection messages and
/// have no dependency injection (the file collector's and the log ingestor's). The monitor redacts those
/// messages again with the registered redactor, so a user's extra key fragments still apply in reports.
/// </summary>
internal static class DefaultRedaction
{
    /// <summary>The default-options redactor.</summary>
    public static readonly SecretRedactor Redactor = new(new RedactionOptions());

    /// <summary>Redacts a quoted excerpt of input, then shortens it to at most <paramref name="maxLength"/> characters.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        var redacted = Redactor.RedactText(text);
        return redacted.Length <= maxLength ? redacted : string.Concat(redacted.AsSpan(0, maxLength - 3), "...");
    }
}
