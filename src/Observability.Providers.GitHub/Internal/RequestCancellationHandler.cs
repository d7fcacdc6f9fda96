namespace Observability.Internal;

/// <summary>
/// Octokit's calls take no <see cref="CancellationToken"/>. This handler, placed under Octokit's own HTTP client,
/// links the token of the sink or collector call in flight (carried by an <see cref="AsyncLocal{T}"/>,
/// which follows the call into Octokit) to the request, so a cancelled or timed-out call really stops its request
/// instead of leaving it running in the background.
/// </summary>
internal sealed class RequestCancellationHandler : DelegatingHandler
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    public RequestCancellationHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>Sets the token of the requests started from here on in this asynchronous flow (call it inside an async method, whose end restores the previous value).</summary>
    public static void Use(CancellationToken cancellationToken) => Current.Value = cancellationToken;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Current.Value;
        if (!call.CanBeCanceled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call);
        return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
    }
}
