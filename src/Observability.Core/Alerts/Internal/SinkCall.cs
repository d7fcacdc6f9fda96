namespace Observability.Internal;

/// <summary>
/// What every alert sink's <see cref="IAlertSink.SendAsync(IReadOnlyList{Alert}, CancellationToken)"/> shares: the argument guard on the batch, and one request run
/// under a per-request timeout on the injected <see cref="TimeProvider"/> linked with the caller's token, where the timeout
/// becomes a "timed out" result and the caller's cancellation an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class SinkCall
{
    /// <summary>The reason of a request that took longer than the sink's timeout.</summary>
    public const string TimedOut = "timed out";

    /// <summary>
    /// Throws when <paramref name="alerts"/> is null, empty or holds a null alert (naming its index), then when
    /// <paramref name="cancellationToken"/> is already cancelled.
    /// </summary>
    public static void CheckAlerts(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            throw new ArgumentException("At least one alert is required.", nameof(alerts));
        }

        for (var i = 0; i < alerts.Count; i++)
        {
            if (alerts[i] is null)
            {
                throw new ArgumentException($"The alert at index {i} is null.", nameof(alerts));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Sends <paramref name="request"/> through <paramref name="httpClient"/> and reads the answer's body as text, under
    /// <see cref="WithTimeoutAsync"/>; <paramref name="interpret"/> turns the answer and its body into the result.
    /// </summary>
    public static Task<T> SendAsync<T>(
        HttpClient httpClient,
        HttpRequestMessage request,
        TimeSpan timeout,
        TimeProvider timeProvider,
        Func<HttpResponseMessage, string, T> interpret,
        Func<T> timedOut,
        Func<Exception, T> transportFailed,
        CancellationToken cancellationToken)
        => WithTimeoutAsync(
            timeout,
            timeProvider,
            async token =>
            {
                using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                return interpret(response, body);
            },
            timedOut,
            transportFailed,
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="request"/> with a token cancelled by the caller or after <paramref name="timeout"/> on
    /// <paramref name="timeProvider"/>. A cancellation the caller did not ask for returns <paramref name="timedOut"/>; an
    /// <see cref="HttpRequestException"/> or <see cref="IOException"/> returns <paramref name="transportFailed"/>; the
    /// caller's cancellation propagates.
    /// </summary>
    public static async Task<T> WithTimeoutAsync<T>(
        TimeSpan timeout,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<T>> request,
        Func<T> timedOut,
        Func<Exception, T> transportFailed,
        CancellationToken cancellationToken)
    {
        using var deadline = new RequestDeadline(timeout, timeProvider, cancellationToken);
        try
        {
            return await request(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return timedOut();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return transportFailed(e);
        }
    }
}
