namespace Observability.Internal;

/// <summary>
/// The innermost handler of the Sentry SDK's own HTTP pipeline (set through <c>SentryOptions.CreateHttpMessageHandler</c>,
/// under the SDK's gzip and Retry-After handlers). It forwards each envelope request through the sink's
/// <see cref="HttpClient"/> and records the answer, so that the SDK's fire-and-forget transport gets an observable outcome.
/// One instance serves one <see cref="SentryAlertSink.SendAsync(IReadOnlyList{Alert}, IProgress{int}, CancellationToken)"/> call.
/// </summary>
internal sealed class SentryDeliveryHandler : HttpMessageHandler
{
    private const int MaxBodyChars = 1_000;

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private CancellationToken _attemptToken;
    private SentryAttempt? _outcome;

    public SentryDeliveryHandler(HttpClient httpClient, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
    }

    /// <summary>Starts a new attempt: forgets the last outcome and makes <paramref name="token"/> cancel the request.</summary>
    public void Begin(CancellationToken token)
    {
        lock (_gate)
        {
            _attemptToken = token;
            _outcome = null;
        }
    }

    /// <summary>Returns the outcome of the current attempt, or <see langword="null"/> while there is none.</summary>
    public SentryAttempt? Outcome()
    {
        lock (_gate)
        {
            return _outcome;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CancellationToken attemptToken;
        lock (_gate)
        {
            attemptToken = _attemptToken;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptToken);
        try
        {
            // The SDK's HttpClient has marked its request as sent; the sink's client needs a message of its own.
            // The content (the SDK's gzip stream) and the headers (X-Sentry-Auth among them) are carried over as they are.
            var forward = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content,
                Version = request.Version,
                VersionPolicy = request.VersionPolicy,
            };
            foreach (var header in request.Headers)
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            var response = await _httpClient.SendAsync(forward, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            Record(new SentryAttempt(
                (int)response.StatusCode,
                body.Length <= MaxBodyChars ? body : body[..MaxBodyChars],
                Header(response, "X-Sentry-Error"),
                HttpDelivery.RetryAfter(response.Headers, _timeProvider.GetUtcNow()),
                Header(response, "X-Sentry-Rate-Limits"),
                null));
            return response;
        }
        catch (Exception exception)
        {
            Record(new SentryAttempt(null, null, null, null, null, exception));
            throw;
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private void Record(SentryAttempt attempt)
    {
        lock (_gate)
        {
            _outcome = attempt;
        }
    }
}
