using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace Observability.Internal;

/// <summary>
/// Posts each pass's verdict as a commit status through Octokit (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>).
/// Failures (401, 403, 404, 422, rate limits, time-outs, an unreachable host, a redirect to another host) become one
/// warning line and never fail the pass; nothing is retried, the next pass posts again. The token never reaches a log
/// line or the description.
/// </summary>
internal sealed partial class GitHubCommitStatusObserver : IMonitoringPassObserver
{
    private static readonly ProductHeaderValue Product = new("Observability");

    private readonly GitHubCommitStatusOptions _options;
    private readonly string _owner;
    private readonly string _repo;
    private readonly string _repository;
    private readonly string _sha;
    private readonly string _context;
    private readonly string _token;
    private readonly IGitHubClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <param name="name">The observer's name, for the log lines.</param>
    /// <param name="options">The options; checked here as at start-up.</param>
    /// <param name="handler">The HTTP handler Octokit sends through; it should not follow redirects itself (Octokit does, within the API host).</param>
    /// <param name="timeProvider">Measures the request timeout.</param>
    /// <param name="loggerFactory">Creates the logger.</param>
    public GitHubCommitStatusObserver(string name, GitHubCommitStatusOptions options, HttpMessageHandler handler, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = GitHubCommitStatusOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        GitHubIssueAlertSinkOptionsValidator.TrySplit(options.Repository!, out _owner, out _repo);
        Name = name;
        _options = options;
        _repository = $"{_owner}/{_repo}";
        _sha = options.Sha!.Trim().ToLowerInvariant();
        _context = options.Context.Trim();
        _token = options.Token!.Trim();
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<GitHubCommitStatusObserver>();

        // Octokit turns a GitHub Enterprise host into <host>/api/v3/; let it do so, then send through our handlers.
        var baseAddress = options.ApiUrl is null ? GitHubClient.GitHubApiUrl : new GitHubClient(Product, options.ApiUrl).Connection.BaseAddress;
        var connection = new Connection(
            Product,
            baseAddress,
            new InMemoryCredentialStore(new Credentials(_token)),
            new HttpClientAdapter(() => new RequestCancellationHandler(new ApiHostOnlyHandler(handler, baseAddress))),
            new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(System.Threading.Timeout.InfiniteTimeSpan);
        _client = client;
    }

    /// <summary>Gets the observer's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public async Task OnPassCompletedAsync(MonitoringPassResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        cancellationToken.ThrowIfCancellationRequested();
        var decision = result.Verdict.Decision;
        var state = GitHubCommitStatusText.State(decision, _options.FailOnHold);
        var status = new NewCommitStatus
        {
            State = state,
            Context = _context,
            Description = Hide(GitHubCommitStatusText.Description(result.Report)),
            TargetUrl = _options.TargetUrl?.AbsoluteUri,
        };
        var what = $"setting commit status {_context} on {ShortSha} of {_repository}";
        try
        {
            using var deadline = new RequestDeadline(_options.Timeout, _timeProvider, cancellationToken);
            RequestCancellationHandler.Use(deadline.Token);
            try
            {
                await _client.Repository.Status.Create(_owner, _repo, _sha, status).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.Expired)
            {
                throw new TimeoutException($"{what} took longer than {_options.Timeout}.");
            }

            LogPosted(_logger, Name, _context, ShortSha, _repository, GitHubCommitStatusText.Name(state), decision, result.Report.TraceId);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            LogFailed(_logger, Name, GitHubCommitStatusText.Name(state), Hide(Reason(e, what)), result.Report.TraceId);
        }
    }

    private string ShortSha => _sha[..12];

    /// <summary>One line a person can act on, without URLs, header values or the token.</summary>
    private string Reason(Exception exception, string what)
    {
        if (exception is RedirectRefusedException refused)
        {
            return $"{what}: {refused.Message}";
        }

        var failure = GitHubIssueDelivery.FromException(Name, 1, exception, what, _repository, _timeProvider);
        return failure.Status == DeliveryStatus.Throttled
            ? $"{what}: GitHub's rate limit was hit (HTTP {failure.StatusCode}); the next pass posts again"
            : failure.Error ?? $"{what}: {failure.Status}";
    }

    /// <summary>Removes the token from text, should GitHub, the network or a finding ever echo it.</summary>
    private string Hide(string text) => text.Replace(_token, "***", StringComparison.Ordinal);

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "GitHub commit status {Observer} set {Context} on {Sha} of {Repository} to {State} ({Decision}, trace {TraceId})")]
    private static partial void LogPosted(ILogger logger, string observer, string context, string sha, string repository, string state, Decision decision, string traceId);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "GitHub commit status {Observer} could not post {State}: {Reason}; the pass's verdict stands (trace {TraceId})")]
    private static partial void LogFailed(ILogger logger, string observer, string state, string reason, string traceId);
}
