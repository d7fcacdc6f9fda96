namespace Observability;

/// <summary>
/// Options of the <see cref="GitHubIssueAlertSink"/>. A new fingerprint opens an issue, a repeat comments on the open
/// issue that carries the fingerprint's marker, a resolved alert comments and closes it. Optionally a commit status
/// (or check run) on a SHA turns the alerts into a deployment gate.
/// </summary>
public sealed class GitHubIssueAlertSinkOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "github-issues";

    /// <summary>The commit status context (or check run name) used when none is given.</summary>
    public const string DefaultStatusContext = "observability/release-health";

    /// <summary>The alert label (or context key) naming the persistence of a condition: <c>transient</c> or <c>persistent</c>.</summary>
    public const string PersistenceLabel = "persistence";

    /// <summary>The alert label (or context key) naming the commit SHA that receives the status; it wins over <see cref="StatusSha"/>.</summary>
    public const string CommitShaLabel = "commit_sha";

    /// <summary>Gets the labels every issue carries when <see cref="Labels"/> is not set: <c>observability</c> and <c>auto-generated</c>.</summary>
    public static IReadOnlyList<string> DefaultLabels { get; } = ["observability", "auto-generated"];

    /// <summary>Gets or sets the repository that receives the issues, as <c>owner/name</c>. Required.</summary>
    public string? Repository { get; set; }

    /// <summary>
    /// Gets or sets the token (a personal access token or an installation token with <c>issues: write</c>, plus
    /// <c>statuses: write</c> or <c>checks: write</c> for the deployment gate). Required. Secret: never logged, never in
    /// <see cref="ToString"/>, a result or an issue.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gets or sets the API base address, for GitHub Enterprise Server or a test server (the sample passes
    /// <c>OBS_GITHUB_API_URL</c>). Octokit appends <c>/api/v3/</c> to any host other than github.com.
    /// Default (<see langword="null"/>): <c>https://api.github.com/</c>.
    /// </summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>
    /// Gets or sets the labels of every issue. The FIRST one marks the sink's issues: the sink lists the open issues
    /// carrying it to find a fingerprint's issue. Each issue also gets the alert's severity (<c>critical</c>,
    /// <c>error</c>, <c>warning</c>, <c>info</c>) and <c>transient</c> or <c>persistent</c> (from the alert's
    /// <see cref="PersistenceLabel"/> label or context value; default <c>persistent</c>). Labels that do not exist yet are
    /// created by GitHub. Default (<see langword="null"/>): <see cref="DefaultLabels"/>.
    /// </summary>
    public IList<string>? Labels { get; set; }

    /// <summary>Gets or sets a value indicating whether a resolved alert closes its issue (state reason <c>completed</c>) after commenting. Default: <see langword="true"/>.</summary>
    public bool CloseOnResolve { get; set; } = true;

    /// <summary>
    /// Gets or sets the full commit SHA (40 hex characters) that receives a commit status for every error or critical alert (state
    /// <c>failure</c>) and every resolved alert (state <c>success</c>); warnings and infos post none. An alert's
    /// <see cref="CommitShaLabel"/> label or context value wins. Default (<see langword="null"/>): no status unless the
    /// alert names a SHA.
    /// </summary>
    public string? StatusSha { get; set; }

    /// <summary>Gets or sets the commit status context (or check run name) a branch protection rule can require. Default: <see cref="DefaultStatusContext"/>.</summary>
    public string StatusContext { get; set; } = DefaultStatusContext;

    /// <summary>
    /// Gets or sets a value indicating whether the gate is a completed check run instead of a commit status. Check runs
    /// need a GitHub App installation token (<c>checks: write</c>). Default: <see langword="false"/> (commit status).
    /// </summary>
    public bool UseCheckRuns { get; set; }

    /// <summary>
    /// Gets or sets the most open issues read (newest first, 100 per page) when looking for a fingerprint's issue. When
    /// the listing reaches it without a match, the search API is asked as well. From 1 to 1000. Default: 300.
    /// </summary>
    public int MaxOpenIssuesScanned { get; set; } = 300;

    /// <summary>Gets or sets the time each request to GitHub may take, up to an hour; a longer one fails as "timed out". Default: 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string ToString()
        => $"GitHubIssueAlertSinkOptions {{ Repository = {Repository ?? "(none)"}, ApiUrl = {ApiUrlText()}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")} }}";

    // The authority only: an address may carry credentials in its user info or query.
    private string ApiUrlText()
        => ApiUrl switch
        {
            null => "(github.com)",
            { IsAbsoluteUri: true } url => $"{url.Scheme}://{url.Authority}",
            _ => "(relative)",
        };
}
