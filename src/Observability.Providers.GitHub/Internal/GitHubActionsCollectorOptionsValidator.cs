using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="GitHubActionsCollectorOptions"/> in one failure; never shows the token.</summary>
internal sealed class GitHubActionsCollectorOptionsValidator : IValidateOptions<GitHubActionsCollectorOptions>
{
    /// <summary>The most runs a collection may read.</summary>
    public const int MaxRunsLimit = 1000;

    public ValidateOptionsResult Validate(string? name, GitHubActionsCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "GitHubActionsCollector" : $"GitHubActionsCollector:{name}";
        var problems = new List<string>();

        CheckName(problems, prefix, "Owner", options.Owner, "the user or organisation that owns the repository");
        CheckName(problems, prefix, "Repository", options.Repository, "the repository name, without the owner");

        if (options.Workflow is not null && (string.IsNullOrWhiteSpace(options.Workflow) || options.Workflow.Contains('/', StringComparison.Ordinal)))
        {
            problems.Add($"{prefix}:Workflow must be a workflow file name such as 'ci.yml' or a numeric id, without a path (or left unset for every workflow).");
        }

        if (options.Branch is not null && string.IsNullOrWhiteSpace(options.Branch))
        {
            problems.Add($"{prefix}:Branch is blank; leave it unset to read every branch.");
        }

        if (options.Token is not null && (string.IsNullOrWhiteSpace(options.Token) || options.Token.Trim().Any(char.IsWhiteSpace)))
        {
            problems.Add($"{prefix}:Token is blank or contains white space (its value is not shown); leave it unset for anonymous access.");
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

        if (options.MaxRuns is < 1 or > MaxRunsLimit)
        {
            problems.Add($"{prefix}:MaxRuns must be between 1 and {MaxRunsLimit} (was {options.MaxRuns}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckName(List<string> problems, string prefix, string option, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{prefix}:{option} is required ({what}).");
        }
        else if (value.Contains('/', StringComparison.Ordinal) || value.Trim().Any(char.IsWhiteSpace))
        {
            problems.Add($"{prefix}:{option} '{value}' must be a single name without '/' or spaces ({what}).");
        }
    }
}
