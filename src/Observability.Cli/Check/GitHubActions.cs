using System.Globalization;
using System.Text;

namespace Observability.Cli.Check;

/// <summary>
/// The GitHub Actions side of a check (when <c>GITHUB_ACTIONS=true</c>): the Markdown report appended to
/// <c>$GITHUB_STEP_SUMMARY</c>, the verdict and the scores appended to <c>$GITHUB_OUTPUT</c>, and an
/// <c>::error::</c> (rollback) or <c>::warning::</c> (hold) annotation on stdout.
/// </summary>
internal static class GitHubActions
{
    public static bool Active => string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task AppendStepSummaryAsync(string markdown, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path)
        {
            await File.AppendAllTextAsync(path, markdown.TrimEnd() + "\n\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task WriteOutputsAsync(IEnumerable<(string Name, string Value)> outputs, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("GITHUB_OUTPUT") is not { Length: > 0 } path)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");
        }

        await File.AppendAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The annotation for a decision, or <see langword="null"/> when it needs none.</summary>
    public static string? Annotation(string service, Verdict verdict) => verdict.Decision switch
    {
        Decision.Rollback => $"::error title={Property($"obs check: rollback ({service})")}::{Data(verdict.Summary)}",
        Decision.Hold => $"::warning title={Property($"obs check: hold ({service})")}::{Data(verdict.Summary)}",
        _ => null,
    };

    // Workflow commands end at a newline: % and line breaks are escaped as the runner expects, and in a
    // property also the : and , that separate properties.
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
