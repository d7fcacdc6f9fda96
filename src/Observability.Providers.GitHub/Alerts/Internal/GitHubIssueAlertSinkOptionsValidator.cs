using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="GitHubIssueAlertSinkOptions"/> in one failure; never shows the token.</summary>
internal sealed class GitHubIssueAlertSinkOptionsValidator : IValidateOptions<GitHubIssueAlertSinkOptions>
{
    /// <summary>The most open issues a lookup may read.</summary>
    public const int MaxScanLimit = 1000;

    /// <summary>The longest request timeout.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, GitHubIssueAlertSinkOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, GitHubIssueAlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "GitHubIssueAlertSink" : $"GitHubIssueAlertSink:{name}";
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Repository))
        {
            problems.Add($"{prefix}:Repository is required, as 'owner/name' (for example octo-org/octo-repo).");
        }
        else if (!TrySplit(options.Repository, out _, out _))
        {
            problems.Add($"{prefix}:Repository '{options.Repository}' must be 'owner/name': two names separated by one '/', without spaces.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            problems.Add($"{prefix}:Token is required (a token with issues: write); set it from a secret store or OBS_GITHUB_TOKEN.");
        }
        else if (options.Token.Trim().Any(char.IsWhiteSpace))
        {
            problems.Add($"{prefix}:Token contains white space (its value is not shown).");
        }

        if (options.ApiUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{prefix}:ApiUrl must be an absolute http or https address (for example https://github.example.com/).");
            }
            else if (!string.IsNullOrEmpty(url.UserInfo))
            {
                problems.Add($"{prefix}:ApiUrl must not carry credentials (its value is not shown); set Token instead.");
            }
        }

        if (options.Labels is { } labels && labels.Any(static l => string.IsNullOrWhiteSpace(l) || l.Trim().Length > 50))
        {
            problems.Add($"{prefix}:Labels must be names of 1 to 50 characters (GitHub's limit).");
        }

        if (string.IsNullOrWhiteSpace(options.StatusContext))
        {
            problems.Add($"{prefix}:StatusContext is required (the commit status context or check run name, for example {GitHubIssueAlertSinkOptions.DefaultStatusContext}).");
        }

        if (options.StatusSha is { } sha && !GitHubIssueText.IsCommitSha(sha.Trim()))
        {
            problems.Add($"{prefix}:StatusSha '{sha}' must be a full commit SHA: 40 (or 64) hexadecimal characters (or left unset).");
        }

        if (options.MaxOpenIssuesScanned is < 1 or > MaxScanLimit)
        {
            problems.Add($"{prefix}:MaxOpenIssuesScanned must be between 1 and {MaxScanLimit} (was {options.MaxOpenIssuesScanned}).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            problems.Add($"{prefix}:Timeout must be positive and at most {MaxTimeout} (was {options.Timeout}).");
        }

        return problems;
    }

    /// <summary>Splits <c>owner/name</c>; both parts non-empty, no white space, exactly one slash.</summary>
    public static bool TrySplit(string repository, out string owner, out string name)
    {
        var parts = repository.Trim().Split('/');
        owner = parts.Length == 2 ? parts[0] : string.Empty;
        name = parts.Length == 2 ? parts[1] : string.Empty;
        return parts.Length == 2 && owner.Length > 0 && name.Length > 0 && !repository.Trim().Any(char.IsWhiteSpace);
    }
}
