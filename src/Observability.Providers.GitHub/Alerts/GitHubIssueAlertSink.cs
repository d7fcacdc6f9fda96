using Microsoft.Extensions.Logging;
using Observability.Internal;
using Octokit;
using Octokit.Internal;

namespace Observability;

/// <summary>
/// Turns alerts into GitHub issues through Octokit. A new fingerprint opens an issue whose body carries the hidden
/// marker <c>&lt;!-- observability:fingerprint=&lt;64 hex&gt; --&gt;</c>; a repeat finds the OPEN issue with that
/// marker and comments on it; a resolved alert comments and closes it. No local state: any process (a second replica,
/// the next run) finds the issue by its marker. Optionally posts a commit status or check run on a SHA for deployment
/// gates. Failures become <see cref="DeliveryResult"/>s (rate limits <see cref="DeliveryStatus.Throttled"/> with
/// GitHub's wait), never exceptions; the token never reaches a log line, a result or an issue.
/// </summary>
/// <remarks>
/// Octokit's calls take no <see cref="CancellationToken"/>: the sink checks the token before each call, waits with
/// <see cref="Task.WaitAsync(CancellationToken)"/>, and cancels the HTTP request itself through a handler under
/// Octokit. Each request gets <see cref="GitHubIssueAlertSinkOptions.Timeout"/>, measured by the injected
/// <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class GitHubIssueAlertSink : IAlertSink
{
    private static readonly ProductHeaderValue Product = new("Observability");

    private readonly GitHubIssueAlertSinkOptions _options;
    private readonly string _owner;
    private readonly string _repo;
    private readonly string _repository;
    private readonly string _token;
    private readonly IReadOnlyList<string> _labels;
    private readonly IGitHubClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    // One delivery at a time per sink, so two concurrent calls for one fingerprint cannot both miss the issue and
    // open two. Replicas of a service can still race; the shared dedupe store (Redis) is what keeps them apart.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="GitHubIssueAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="options">The options; <see cref="GitHubIssueAlertSinkOptions.Repository"/> and <see cref="GitHubIssueAlertSinkOptions.Token"/> are required.</param>
    /// <param name="handler">
    /// The HTTP handler Octokit sends through (from <c>IHttpMessageHandlerFactory</c> with the sink's name when registered
    /// through the builder). Octokit builds its own <see cref="HttpClient"/> over it.
    /// </param>
    /// <param name="timeProvider">Measures the request timeout and the wait until a rate limit resets.</param>
    /// <param name="loggerFactory">Creates the sink's logger.</param>
    public GitHubIssueAlertSink(string name, GitHubIssueAlertSinkOptions options, HttpMessageHandler handler, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = GitHubIssueAlertSinkOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        GitHubIssueAlertSinkOptionsValidator.TrySplit(options.Repository!, out _owner, out _repo);
        Name = name;
        _options = options;
        _repository = $"{_owner}/{_repo}";
        _token = options.Token!.Trim();
        _labels = [.. (options.Labels ?? [.. GitHubIssueAlertSinkOptions.DefaultLabels]).Select(static l => l.Trim())];
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<GitHubIssueAlertSink>();

        // Octokit turns a GitHub Enterprise host into <host>/api/v3/; let it do so, then send through our handler.
        var baseAddress = options.ApiUrl is null ? GitHubClient.GitHubApiUrl : new GitHubClient(Product, options.ApiUrl).Connection.BaseAddress;
        var connection = new Connection(
            Product,
            baseAddress,
            new InMemoryCredentialStore(new Credentials(_token)),
            new HttpClientAdapter(() => new RequestCancellationHandler(handler)),
            new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(System.Threading.Timeout.InfiniteTimeSpan);
        _client = client;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => SendAsync(alerts, NoProgress.Instance, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Each alert whose issue is done (opened, commented on or closed) is reported before the next one is handled.</remarks>
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, IProgress<int> delivered, CancellationToken cancellationToken = default)
    {
        SinkCall.CheckAlerts(alerts, cancellationToken);
        ArgumentNullException.ThrowIfNull(delivered);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var step = new Step();
        int? statusCode = null;
        var done = 0;
        try
        {
            for (; done < alerts.Count; done++)
            {
                statusCode = await DeliverAsync(alerts[done], step, cancellationToken).ConfigureAwait(false) ?? statusCode;
                delivered.Report(done + 1);
            }
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The alerts handled before the failure are done: the result counts the failed one and the rest, which the
            // pipeline retries, so an issue already commented on is not commented on again.
            var failure = Scrub(GitHubIssueDelivery.FromException(Name, alerts.Count - done, e, step.What, _repository, _timeProvider));
            if (failure.Status == DeliveryStatus.Throttled)
            {
                LogThrottled(_logger, Name, step.What, failure.StatusCode ?? 0, failure.RetryAfter ?? TimeSpan.Zero);
            }
            else
            {
                LogFailed(_logger, Name, _repository, failure.Status, failure.StatusCode ?? 0, failure.Error ?? string.Empty);
            }

            return failure;
        }
        finally
        {
            _gate.Release();
        }

        return DeliveryResult.Delivered(Name, alerts.Count, statusCode);
    }

    /// <summary>Runs one Octokit call with the caller's cancellation and the per-request timeout.</summary>
    private async Task<T> CallAsync<T>(Step step, string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        step.What = what;
        using var deadline = new RequestDeadline(_options.Timeout, _timeProvider, cancellationToken);
        RequestCancellationHandler.Use(deadline.Token);
        try
        {
            return await call().WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.Expired)
        {
            throw new TimeoutException($"{what} took longer than {_options.Timeout}.");
        }
    }

    /// <summary>Replaces the token, should GitHub or the network ever echo it.</summary>
    private DeliveryResult Scrub(DeliveryResult result)
    {
        if (result.Error is null || !result.Error.Contains(_token, StringComparison.Ordinal))
        {
            return result;
        }

        var error = result.Error.Replace(_token, "***", StringComparison.Ordinal);
        return result.Status switch
        {
            DeliveryStatus.Rejected => DeliveryResult.Rejected(result.SinkName, result.AlertCount, error, result.StatusCode),
            DeliveryStatus.Gone => DeliveryResult.Gone(result.SinkName, result.AlertCount, error, result.StatusCode),
            _ => DeliveryResult.Failed(result.SinkName, result.AlertCount, error, result.StatusCode),
        };
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "GitHub issue sink {Sink} could not deliver to {Repository}: {Status} (HTTP {StatusCode}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string sink, string repository, DeliveryStatus status, int statusCode, string reason);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "GitHub issue sink {Sink} was rate limited while {Step} (HTTP {StatusCode}); retry after {RetryAfter}")]
    private static partial void LogThrottled(ILogger logger, string sink, string step, int statusCode, TimeSpan retryAfter);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Warning, Message = "GitHub issue sink {Sink}: alert {Fingerprint} names commit '{Sha}', which is not a full commit SHA (40 or 64 hex characters); no status posted")]
    private static partial void LogBadSha(ILogger logger, string sink, string sha, string fingerprint);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "GitHub issue sink {Sink} {Action} issue #{Number} of {Repository} for fingerprint {Fingerprint}")]
    private static partial void LogIssue(ILogger logger, string sink, string action, int number, string repository, string fingerprint);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "GitHub issue sink {Sink}: resolved fingerprint {Fingerprint} has no open issue in {Repository}; nothing to close")]
    private static partial void LogNothingToResolve(ILogger logger, string sink, string fingerprint, string repository);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "GitHub issue sink {Sink} set {Gate} {Context} of {Sha} to {State}")]
    private static partial void LogGate(ILogger logger, string sink, string gate, string context, string sha, string state);

    /// <summary>What the sink was doing, for the failure text.</summary>
    private sealed class Step
    {
        public string What { get; set; } = "starting";
    }
}
