namespace Observability;

/// <summary>
/// Options of the GitHub commit status posted after every monitoring pass (<c>AddGitHubCommitStatus</c>): the verdict
/// on one commit, so that a branch protection rule or a deployment can require it. Off until added and configured.
/// </summary>
/// <remarks>
/// States: proceed is <c>success</c>; hold is <c>pending</c> (or <c>failure</c> with <see cref="FailOnHold"/>);
/// rollback is <c>failure</c>; no data is <c>error</c>. A required status blocks unless it is <c>success</c>, so a hold
/// blocks either way. The description holds the verdict, the health score and the first reason, cut to GitHub's 140
/// characters.
/// </remarks>
public sealed class GitHubCommitStatusOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "github-commit-status";

    /// <summary>The status context used when none is given: <c>observability/release-health</c>.</summary>
    public const string DefaultContext = "observability/release-health";

    /// <summary>Gets or sets the repository of the commit, as <c>owner/name</c>. Required.</summary>
    public string? Repository { get; set; }

    /// <summary>
    /// Gets or sets the token (a personal access token or an installation token with <c>statuses: write</c>). Required.
    /// Secret: never logged, never in <see cref="ToString"/> or a description.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gets or sets the full commit SHA that receives the status: 40 (or, in a SHA-256 repository, 64) hexadecimal
    /// characters, such as <c>GITHUB_SHA</c>. Required: GitHub does not apply a status posted on an abbreviated SHA.
    /// </summary>
    public string? Sha { get; set; }

    /// <summary>
    /// Gets or sets the API base address, for GitHub Enterprise Server or a test server. Octokit appends
    /// <c>/api/v3/</c> to any host other than github.com. Default (<see langword="null"/>): <c>https://api.github.com/</c>.
    /// </summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>
    /// Gets or sets the status context, the name a branch protection rule requires. Several services on one commit
    /// need one context each, for example <c>observability/release-health (checkout)</c>. When the GitHub issue sink
    /// also posts statuses on this commit (<see cref="GitHubIssueAlertSinkOptions.StatusSha"/>), give the two different
    /// contexts, or each overwrites the other. Default: <see cref="DefaultContext"/>.
    /// </summary>
    public string Context { get; set; } = DefaultContext;

    /// <summary>Gets or sets the link the status shows as "Details" (for example the CI run). Default (<see langword="null"/>): none.</summary>
    public Uri? TargetUrl { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a hold posts <c>failure</c> instead of <c>pending</c>. Both block a
    /// required status; <c>failure</c> suits a tool that waits for a pending status to finish. Default: <see langword="false"/>.
    /// </summary>
    public bool FailOnHold { get; set; }

    /// <summary>Gets or sets the time the request may take, up to an hour; a longer one is logged as timed out. Default: 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string ToString()
        => $"GitHubCommitStatusOptions {{ Repository = {Repository ?? "(none)"}, Sha = {Sha ?? "(none)"}, Context = {Context}, ApiUrl = {ApiUrlText()}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")} }}";

    // The authority only: an address may carry credentials in its user info or query.
    private string ApiUrlText()
        => ApiUrl switch
        {
            null => "(github.com)",
            { IsAbsoluteUri: true } url => $"{url.Scheme}://{url.Authority}",
            _ => "(relative)",
        };
}
