using System.Globalization;
using Microsoft.Extensions.Logging;
using Observability.Internal;
using Octokit;
using Octokit.Internal;

namespace Observability;

/// <summary>
/// Reads GitHub Actions workflow runs through Octokit: the runs of a repository (optionally one workflow and one
/// branch) created within the window, their jobs, and optionally their logs. Produces one snapshot per run, at the
/// run's <c>created_at</c>, holding its job counts by conclusion, error rate, availability, run duration and queue
/// time (see <see cref="GitHubActionsMetrics"/>); with <see cref="GitHubActionsCollectorOptions.DownloadLogs"/>, the error
/// lines of the logs, each put in a category by an <see cref="ICiErrorClassifier"/>
/// (<see cref="GitHubActionsMetrics.LogErrorLinesIn"/>). Runs and jobs still in progress are counted apart and never as
/// failures. Failures of GitHub or the network become failed or partial results, never exceptions.
/// </summary>
public sealed partial class GitHubActionsCollector : ICollector
{
    private const int PageSize = 100;

    private readonly GitHubActionsCollectorOptions _options;
    private readonly string _owner;
    private readonly string _repository;
    private readonly string? _token;
    private readonly IGitHubClient _client;
    private readonly CiLogParser _parser;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="GitHubActionsCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="GitHubActionsCollectorOptions.Owner"/> and <see cref="GitHubActionsCollectorOptions.Repository"/> are required.</param>
    /// <param name="timeProvider">Tells how long until a rate limit resets.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public GitHubActionsCollector(string name, GitHubActionsCollectorOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(name, options, HttpMessageHandlerFactory.CreateDefault(), timeProvider, loggerFactory)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GitHubActionsCollector"/> class that sends through a handler of your own (for example from <see cref="IHttpMessageHandlerFactory"/>).</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="GitHubActionsCollectorOptions.Owner"/> and <see cref="GitHubActionsCollectorOptions.Repository"/> are required.</param>
    /// <param name="handler">The innermost HTTP handler; Octokit follows redirects itself, so it should not (the log downloads are redirects).</param>
    /// <param name="timeProvider">Tells how long until a rate limit resets.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public GitHubActionsCollector(string name, GitHubActionsCollectorOptions options, HttpMessageHandler handler, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(name, options, handler, CiErrorClassifier.Instance, timeProvider, loggerFactory)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="GitHubActionsCollector"/> class that sends through a handler of your own
    /// and puts the error lines of downloaded logs in categories with a classifier of your own.
    /// </summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; <see cref="GitHubActionsCollectorOptions.Owner"/> and <see cref="GitHubActionsCollectorOptions.Repository"/> are required.</param>
    /// <param name="handler">The innermost HTTP handler; Octokit follows redirects itself, so it should not (the log downloads are redirects).</param>
    /// <param name="classifier">Puts each error line of a downloaded log in a category (<see cref="GitHubActionsMetrics.LogErrorLinesIn"/>).</param>
    /// <param name="timeProvider">Tells how long until a rate limit resets.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public GitHubActionsCollector(string name, GitHubActionsCollectorOptions options, HttpMessageHandler handler, ICiErrorClassifier classifier, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.IsNullOrWhiteSpace(options.Owner) || string.IsNullOrWhiteSpace(options.Repository))
        {
            throw new ArgumentException("GitHubActionsCollectorOptions.Owner and .Repository are required.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRuns, 1, nameof(options) + ".MaxRuns");
        if (options.ApiUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("GitHubActionsCollectorOptions.ApiUrl must be an absolute http or https address.", nameof(options));
        }

        Name = name;
        _options = options;
        _owner = options.Owner.Trim();
        _repository = options.Repository.Trim();
        _token = string.IsNullOrWhiteSpace(options.Token) ? null : options.Token.Trim();
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<GitHubActionsCollector>();
        _parser = new CiLogParser(classifier: classifier);

        // Octokit turns a GitHub Enterprise host into <host>/api/v3/; let it, then send through the handler, under
        // one that cancels the request in flight when the collection is cancelled (Octokit takes no token).
        var credentials = new InMemoryCredentialStore(_token is null ? Credentials.Anonymous : new Credentials(_token));
        var product = new ProductHeaderValue("Observability");
        var baseAddress = options.ApiUrl is null ? GitHubClient.GitHubApiUrl : new GitHubClient(product, options.ApiUrl).Connection.BaseAddress;
        var connection = new Connection(product, baseAddress, credentials, new HttpClientAdapter(() => new RequestCancellationHandler(handler)), new SimpleJsonSerializer());
        _client = new GitHubClient(connection);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RequestCancellationHandler.Use(cancellationToken);
        var repository = $"{_owner}/{_repository}";

        IReadOnlyList<WorkflowRun> listed;
        try
        {
            listed = (await ListRunsAsync(window).WaitAsync(cancellationToken).ConfigureAwait(false)).WorkflowRuns ?? [];
        }
        catch (Exception e) when (!IsCallerCancellation(e, cancellationToken))
        {
            var error = Scrub(GitHubFailure.Describe(e, $"listing the workflow runs of {repository}", _timeProvider));
            LogFailed(_logger, Name, repository, error.Kind, error.Message);
            return CollectionResult.Failed(Name, error);
        }

        // GitHub's created range is inclusive and to the second: keep the half-open window exactly.
        var runs = listed.Where(r => window.Contains(r.CreatedAt))
            .OrderByDescending(static r => r.CreatedAt)
            .Take(_options.MaxRuns)
            .ToList();

        var snapshots = new List<MetricSnapshot>(runs.Count);
        var errors = new List<CollectionError>();
        var details = new RunDetailsReader(this, errors, cancellationToken);
        foreach (var run in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            snapshots.Add(await details.ReadAsync(run).ConfigureAwait(false));
        }

        LogCollected(_logger, Name, repository, listed.Count, snapshots.Count, window, errors.Count);
        if (errors.Count > 0)
        {
            LogFailed(_logger, Name, repository, errors[0].Kind, errors[0].Message);
            return CollectionResult.Partial(Name, snapshots, errors);
        }

        return snapshots.Count > 0
            ? CollectionResult.Success(Name, snapshots)
            : CollectionResult.NoData(Name, $"no workflow run of {repository}{Filter()} was created in {window}");
    }

    /// <summary>Formats GitHub's <c>created</c> filter: <c>start..end</c>, UTC, to the second (inclusive both ends).</summary>
    internal static string CreatedRange(CollectionWindow window)
    {
        const string format = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        return string.Concat(
            window.Start.UtcDateTime.ToString(format, CultureInfo.InvariantCulture),
            "..",
            window.End.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
    }

    private static bool IsCallerCancellation(Exception exception, CancellationToken cancellationToken)
        => exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private Task<WorkflowRunsResponse> ListRunsAsync(CollectionWindow window)
    {
        var request = new WorkflowRunsRequest { Created = CreatedRange(window) };
        if (!string.IsNullOrWhiteSpace(_options.Branch))
        {
            request.Branch = _options.Branch.Trim();
        }

        var pageSize = Math.Min(PageSize, _options.MaxRuns);
        var pages = new ApiOptions { StartPage = 1, PageSize = pageSize, PageCount = (_options.MaxRuns + pageSize - 1) / pageSize };
        var runs = _client.Actions.Workflows.Runs;
        var workflow = _options.Workflow?.Trim();
        if (string.IsNullOrEmpty(workflow))
        {
            return runs.List(_owner, _repository, request, pages);
        }

        return long.TryParse(workflow, NumberStyles.None, CultureInfo.InvariantCulture, out var workflowId)
            ? runs.ListByWorkflow(_owner, _repository, workflowId, request, pages)
            : runs.ListByWorkflow(_owner, _repository, workflow, request, pages);
    }

    private string Filter()
        => (string.IsNullOrWhiteSpace(_options.Workflow) ? string.Empty : $" (workflow {_options.Workflow.Trim()})")
           + (string.IsNullOrWhiteSpace(_options.Branch) ? string.Empty : $" on branch {_options.Branch.Trim()}");

    /// <summary>Removes the token from a message, should GitHub or the network ever echo it.</summary>
    private CollectionError Scrub(CollectionError error)
        => _token is null || !error.Message.Contains(_token, StringComparison.Ordinal)
            ? error
            : error with { Message = error.Message.Replace(_token, "***", StringComparison.Ordinal) };

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "GitHub Actions collector {Collector} failed for {Repository}: {Kind}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string collector, string repository, CollectionErrorKind kind, string reason);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "GitHub Actions collector {Collector} listed {Listed} runs of {Repository}: {Kept} snapshots in {Window}, {Errors} errors")]
    private static partial void LogCollected(ILogger logger, string collector, string repository, int listed, int kept, CollectionWindow window, int errors);
}
