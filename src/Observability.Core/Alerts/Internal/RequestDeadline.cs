namespace Observability.Internal;

/// <summary>
/// One request's deadline: a timeout on the injected <see cref="TimeProvider"/> linked with the caller's token, so that
/// <see cref="Token"/> ends at whichever comes first and <see cref="Expired"/> tells the timeout apart.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    /// <summary>Starts the deadline: <paramref name="timeout"/> from now on <paramref name="timeProvider"/>, or the caller's cancellation.</summary>
    public RequestDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    /// <summary>The request's token: cancelled by the caller, by the timeout or by <see cref="CancelAsync"/>.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the timeout has passed.</summary>
    public bool Expired => _timeout.IsCancellationRequested;

    /// <summary>Cancels the request (a hanging one the sink gives up on).</summary>
    public Task CancelAsync() => _linked.CancelAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
