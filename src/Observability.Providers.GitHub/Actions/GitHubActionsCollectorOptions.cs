namespace Observability;

/// <summary>Options of the <see cref="GitHubActionsCollector"/>.</summary>
public sealed class GitHubActionsCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "github-actions";

    /// <summary>Gets or sets the owner (user or organisation) of the repository. Required.</summary>
    public string? Owner { get; set; }

    /// <summary>Gets or sets the repository name, without the owner. Required.</summary>
    public string? Repository { get; set; }

    /// <summary>
    /// Gets or sets the workflow to read: its file name (<c>ci.yml</c>) or its numeric id. Default
    /// (<see langword="null"/>): the runs of every workflow of the repository.
    /// </summary>
    public string? Workflow { get; set; }

    /// <summary>Gets or sets the branch whose runs are read. Default (<see langword="null"/>): every branch.</summary>
    public string? Branch { get; set; }

    /// <summary>
    /// Gets or sets the token sent to GitHub (a personal access token or an installation token with
    /// <c>actions: read</c>). Secret: never logged nor put in a result. Default (<see langword="null"/>): anonymous,
    /// which works for public repositories within the 60 requests per hour limit.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gets or sets the API base address, for GitHub Enterprise Server or a test server (for example the value of an
    /// <c>OBS_GITHUB_API_URL</c> variable). Octokit appends <c>/api/v3/</c> to any host other than github.com.
    /// Default (<see langword="null"/>): <c>https://api.github.com/</c>.
    /// </summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether the jobs of every run are read (one more request per run). Default: <see langword="true"/>.</summary>
    public bool IncludeJobs { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether logs are downloaded: the ZIP of every completed run and the plain
    /// text of every failed job, to count their <c>##[error]</c> lines. Default: <see langword="false"/>.
    /// </summary>
    public bool DownloadLogs { get; set; }

    /// <summary>Gets or sets the most runs read per collection, newest first; from 1 to 1000. Default: 100.</summary>
    public int MaxRuns { get; set; } = 100;

    /// <inheritdoc />
    public override string ToString()
        => $"GitHubActionsCollectorOptions {{ {Owner}/{Repository}, Workflow = {Workflow ?? "(all)"}, Branch = {Branch ?? "(all)"}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")} }}";
}
