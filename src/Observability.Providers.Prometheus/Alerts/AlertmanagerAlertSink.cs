using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Sends alerts to Prometheus Alertmanager (<c>POST /api/v2/alerts</c>), so teams that route through Alertmanager keep
/// doing so: labels <c>alertname</c> (the rule), <c>severity</c>, <c>fingerprint</c> and the alert's labels; annotations
/// <c>summary</c>, <c>description</c>, <c>root_cause</c>, <c>trace_id</c>, <c>runbook_url</c> and <c>links</c>; a resolved
/// alert carries its <c>endsAt</c>, so Alertmanager resolves it. One post carries the whole group.
/// 2xx is delivered; 429 throttled (with <c>Retry-After</c>); 400, 413 and 422 rejected (the content); 401 and 403 rejected
/// (the credentials); 404 rejected (the <see cref="AlertmanagerAlertSinkOptions.Url"/> is not an Alertmanager); 5xx,
/// transport failures and timeouts failed (retryable). It never throws for those; only the caller's cancellation escapes.
/// </summary>
public sealed partial class AlertmanagerAlertSink : IAlertSink
{
    private readonly Uri _alertsUrl;
    private readonly AlertmanagerAlertSinkOptions _options;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="AlertmanagerAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="options">The options; they must be valid (see <see cref="AlertmanagerAlertSinkOptions"/>).</param>
    /// <param name="httpClient">The client that posts the alerts; the sink does not dispose it.</param>
    /// <param name="timeProvider">Times each post out and stamps <c>endsAt</c> when the alert has none.</param>
    /// <param name="loggerFactory">Creates the sink's logger.</param>
    public AlertmanagerAlertSink(string name, AlertmanagerAlertSinkOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = AlertmanagerAlertSinkOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid AlertmanagerAlertSinkOptions: {string.Join(" ", problems)}", nameof(options));
        }

        Name = name;
        var url = options.Url!;
        var baseAddress = url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
        _alertsUrl = new Uri(baseAddress, "api/v2/alerts");
        _options = options;
        _authorization = HttpEndpointAuth.Header(options.BearerToken, options.Username, options.Password);
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<AlertmanagerAlertSink>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        SinkCall.CheckAlerts(alerts, cancellationToken);
        var body = AlertmanagerPayload.Write(alerts, _options, _timeProvider.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, _alertsUrl);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = _authorization;

        var result = await SinkCall.SendAsync(
            _httpClient,
            request,
            _options.Timeout,
            _timeProvider,
            (response, text) => Interpret(alerts.Count, response, text),
            () => DeliveryResult.Failed(Name, alerts.Count, SinkCall.TimedOut),
            e => HttpDelivery.FromException(Name, alerts.Count, e),
            cancellationToken).ConfigureAwait(false);

        if (result.Succeeded)
        {
            LogDelivered(_logger, Name, result.AlertCount);
        }
        else
        {
            LogNotDelivered(_logger, Name, result.AlertCount, result.Status, result.StatusCode, result.Error ?? string.Empty);
        }

        return result;
    }

    private DeliveryResult Interpret(int count, HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        var code = (int)status;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered(Name, count, code);
        }

        return status switch
        {
            HttpStatusCode.TooManyRequests => DeliveryResult.Throttled(Name, count, HttpDelivery.RetryAfter(response.Headers, _timeProvider.GetUtcNow()), code),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
                => DeliveryResult.Rejected(Name, count, HttpDelivery.Reason(status, body), code),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                => DeliveryResult.Rejected(Name, count, $"HTTP {code} {status}: the credentials were refused; check BearerToken or Username/Password", code),
            HttpStatusCode.NotFound
                => DeliveryResult.Rejected(Name, count, $"HTTP {code} {status}: no Alertmanager API at the configured Url (is it the base address, with its path prefix?)", code),
            _ => DeliveryResult.Failed(Name, count, HttpDelivery.Reason(status, body), code),
        };
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Debug, Message = "Alertmanager sink {Sink} delivered {Count} alert(s)")]
    private static partial void LogDelivered(ILogger logger, string sink, int count);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Alertmanager sink {Sink} did not deliver {Count} alert(s): {Status} (status code {StatusCode}): {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string sink, int count, DeliveryStatus status, int? statusCode, string reason);
}
