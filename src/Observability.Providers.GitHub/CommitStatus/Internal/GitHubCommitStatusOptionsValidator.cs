using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="GitHubCommitStatusOptions"/> in one failure; never shows the token.</summary>
internal sealed class GitHubCommitStatusOptionsValidator : IValidateOptions<GitHubCommitStatusOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubCommitStatusOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, GitHubCommitStatusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "GitHubCommitStatus" : $"GitHubCommitStatus:{name}";
        var problems = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Repository))
        {
            problems.Add($"{prefix}:Repository is required, as 'owner/name' (for example octo-org/octo-repo).");
        }
        else if (!GitHubIssueAlertSinkOptionsValidator.TrySplit(options.Repository, out _, out _))
        {
            problems.Add($"{prefix}:Repository '{options.Repository}' must be 'owner/name': two names separated by one '/', without spaces.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            problems.Add($"{prefix}:Token is required (a token with statuses: write); set it from a secret store or OBS_GITHUB_TOKEN.");
        }
        else if (options.Token.Trim().Any(char.IsWhiteSpace))
        {
            problems.Add($"{prefix}:Token contains white space (its value is not shown).");
        }

        if (string.IsNullOrWhiteSpace(options.Sha))
        {
            problems.Add($"{prefix}:Sha is required: the full commit SHA that receives the status (for example GITHUB_SHA).");
        }
        else if (!GitHubIssueText.IsCommitSha(options.Sha.Trim()))
        {
            problems.Add($"{prefix}:Sha '{GitHubIssueText.Cut(options.Sha.Trim(), 80)}' must be a full commit SHA: 40 (or 64) hexadecimal characters; GitHub does not apply a status on an abbreviated one.");
        }

        CheckAddress(problems, $"{prefix}:ApiUrl", options.ApiUrl, "https://github.example.com/", "set Token instead");
        CheckAddress(problems, $"{prefix}:TargetUrl", options.TargetUrl, "https://github.com/octo-org/octo-repo/actions/runs/42", "the link is public on the commit");

        if (string.IsNullOrWhiteSpace(options.Context))
        {
            problems.Add($"{prefix}:Context is required (the status name a branch protection rule requires, for example {GitHubCommitStatusOptions.DefaultContext}).");
        }
        else if (options.Context.Any(char.IsControl))
        {
            problems.Add($"{prefix}:Context must be one line without control characters.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > GitHubIssueAlertSinkOptionsValidator.MaxTimeout)
        {
            problems.Add($"{prefix}:Timeout must be positive and at most {GitHubIssueAlertSinkOptionsValidator.MaxTimeout} (was {options.Timeout}).");
        }

        return problems;
    }

    private static void CheckAddress(List<string> problems, string what, Uri? url, string example, string credentialsHint)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{what} must be an absolute http or https address (for example {example}).");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            problems.Add($"{what} must not carry credentials (its value is not shown); {credentialsHint}.");
        }
    }
}
