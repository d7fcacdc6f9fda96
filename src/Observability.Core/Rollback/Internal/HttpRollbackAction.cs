using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// Makes the configured HTTP call; a 2xx answer means rolled back. The bearer token is read from its environment
/// variable at call time and never shown; the description names the address without query or credentials.
/// </summary>
internal sealed class HttpRollbackAction : IRollbackAction, IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly Uri _url;
    private readonly HttpMethod _method;
    private readonly string? _body;
    private readonly string _contentType;
    private readonly string? _tokenVariable;
    private readonly SecretRedactor _redactor;

    public HttpRollbackAction(RollbackHttpOptions options, SecretRedactor redactor, HttpClient? client = null)
    {
        _url = options.Url ?? throw new ArgumentException("No rollback address is configured.", nameof(options));
        _method = new HttpMethod(options.Method.Trim().ToUpperInvariant());
        _body = options.Body;
        _contentType = options.ContentType;
        _tokenVariable = options.TokenVariable;
        _redactor = redactor;
        _ownsClient = client is null;

        // The timeout is the rollback's (RollbackOptions.Timeout, through the token), not the client's.
        _client = client ?? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Description => $"http {_method} {_url.GetLeftPart(UriPartial.Path)}";

    public async Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(_method, _url);
        if (_body is not null)
        {
            message.Content = new StringContent(_body, Encoding.UTF8, _contentType);
        }

        if (_tokenVariable is { Length: > 0 } variable)
        {
            if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } token)
            {
                return new RollbackActionResult(RollbackOutcome.Error) { Error = $"the environment variable {variable} (the rollback token) is not set; no call was made" };
            }

            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (request.TraceId is { Length: > 0 } traceId)
        {
            message.Headers.TryAddWithoutValidation("X-Observability-Trace-Id", traceId);
        }

        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new RollbackActionResult(RollbackOutcome.Succeeded) { HttpStatusCode = status }
                : new RollbackActionResult(RollbackOutcome.Failed)
                {
                    HttpStatusCode = status,
                    Error = string.Create(CultureInfo.InvariantCulture, $"the server answered {status} {response.ReasonPhrase}"),
                };
        }
        catch (HttpRequestException ex)
        {
            return new RollbackActionResult(RollbackOutcome.Error) { Error = $"the call failed: {_redactor.RedactText(ex.Message)}" };
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }
}
