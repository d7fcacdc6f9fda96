using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observability.Cli.Internal;

namespace Observability.Cli.Check;

/// <summary>
/// <c>obs check --commit-status &lt;sha&gt;</c>: each service's verdict posted as a GitHub commit status on the commit, with
/// the token and repository of the GitHub issue sink (<c>OBS_GITHUB_TOKEN</c>, <c>OBS_GITHUB_REPOSITORY</c>,
/// <c>OBS_GITHUB_API_URL</c>). One service: context <c>observability/release-health</c>; several: one context each,
/// <c>observability/release-health (&lt;service&gt;)</c>. In GitHub Actions the status links to the run.
/// </summary>
internal static class CommitStatus
{
    public const string Option = "--commit-status";

    /// <summary>The commit SHA, checked: 40 or 64 hexadecimal characters (GitHub does not apply a status on an abbreviated SHA).</summary>
    /// <exception cref="UsageException">Anything else.</exception>
    public static string Sha(string value)
    {
        var sha = value.Trim();
        return sha.Length is 40 or 64 && sha.All(char.IsAsciiHexDigit)
            ? sha.ToLowerInvariant()
            : throw new UsageException($"{Option} '{(sha.Length > 80 ? sha[..80] + "…" : sha)}' is not a full commit SHA: give the 40 hexadecimal characters of 'git rev-parse HEAD' or $GITHUB_SHA (GitHub does not apply a status on an abbreviated SHA).");
    }

    /// <summary>Adds the commit status of one service's pass and returns the note to print (never the token).</summary>
    /// <exception cref="UsageException">A variable is missing or malformed; the message names it, never its value.</exception>
    public static string Add(IObservabilityBuilder builder, IConfiguration environment, string sha, string service, bool multiple)
    {
        var token = AlertProviders.Value(environment, AlertProviders.GitHubToken)
            ?? throw new UsageException($"{Option} needs {AlertProviders.GitHubToken}: a token with statuses: write, in the environment (never on the command line).");
        var repository = AlertProviders.Value(environment, AlertProviders.GitHubRepository)
            ?? throw new UsageException($"{Option} needs {AlertProviders.GitHubRepository}: the repository of the commit, as owner/name.");
        if (repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }] || repository.Any(char.IsWhiteSpace))
        {
            throw new UsageException($"{AlertProviders.GitHubRepository} must be owner/name (for example octo-org/octo-repo).");
        }

        Uri? api;
        try
        {
            api = AlertProviders.Value(environment, AlertProviders.GitHubApiUrl) is { } url ? AlertProviders.HttpAddress(url, AlertProviders.GitHubApiUrl, "https://api.github.com/") : null;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        var context = multiple ? $"{GitHubCommitStatusOptions.DefaultContext} ({service})" : GitHubCommitStatusOptions.DefaultContext;
        builder.AddGitHubCommitStatus(o =>
        {
            o.Token = token;
            o.Repository = repository;
            o.Sha = sha;
            o.ApiUrl = api;
            o.Context = context;
            o.TargetUrl = RunLink(environment);
        });
        return $"note: the verdict goes to commit {sha[..12]} of {repository} as status '{context}' ({AlertProviders.GitHubToken}, {AlertProviders.GitHubRepository})";
    }

    /// <summary>The GitHub Actions run, when the check runs in one: <c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID</c>.</summary>
    private static Uri? RunLink(IConfiguration environment)
        => GitHubActions.Active
           && environment["GITHUB_SERVER_URL"] is { Length: > 0 } server
           && environment["GITHUB_REPOSITORY"] is { Length: > 0 } repository
           && environment["GITHUB_RUN_ID"] is { Length: > 0 } run
           && Uri.TryCreate($"{server.TrimEnd('/')}/{repository}/actions/runs/{run}", UriKind.Absolute, out var link)
           && link.Scheme is "http" or "https"
           && string.IsNullOrEmpty(link.UserInfo)
            ? link
            : null;
}
