namespace Observability.Internal;

/// <summary>
/// Sends only to the API's own scheme, host and port. Octokit follows GitHub's redirects itself (dropping the token on
/// another host); for a write such as a commit status, a redirect to another host is refused instead, so the content
/// never leaves for a host the user did not configure. A primary handler that followed a redirect on its own is caught
/// on the response.
/// </summary>
internal sealed class ApiHostOnlyHandler(HttpMessageHandler innerHandler, Uri apiBaseAddress) : DelegatingHandler(innerHandler)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Check(request.RequestUri);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!SameOrigin(response.RequestMessage?.RequestUri))
        {
            var other = response.RequestMessage?.RequestUri;
            response.Dispose();
            Check(other);
        }

        return response;
    }

    private void Check(Uri? target)
    {
        if (!SameOrigin(target))
        {
            throw new RedirectRefusedException($"GitHub redirected to another host ({target?.Scheme}://{target?.Authority}); refused, the request stays with {apiBaseAddress.Scheme}://{apiBaseAddress.Authority}");
        }
    }

    private bool SameOrigin(Uri? target)
        => target is null
           || (target.IsAbsoluteUri
               && string.Equals(target.Scheme, apiBaseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
               && string.Equals(target.IdnHost, apiBaseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
               && target.Port == apiBaseAddress.Port);
}
