namespace Observability.Cli.Internal;

/// <summary>Makes a message fit for the console: one line, with any secret masked.</summary>
internal static class Redact
{
    private static readonly SecretRedactor Redactor = new(new RedactionOptions { VisibleSuffixLength = 0 });

    public static string OneLine(string text) =>
        Redactor.RedactText(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
