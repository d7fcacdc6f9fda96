using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>Sending one query and mapping Prometheus' answers and failures to results.</summary>
public sealed partial class PrometheusCollector
{
    private const int MaxQuotedErrorLength = 300;

    private const int MaxRedirects = 5;

    private async Task<(PrometheusQueryResult? Result, CollectionError? Error)> QueryAsync(string queryName, string expression, QueryContext context)
    {
        var plan = context.Plan;
        var instant = _mode == PrometheusQueryMode.Instant;
        var fields = new List<KeyValuePair<string, string>> { new("query", expression), new("timeout", PrometheusQueryTemplates.Duration(_timeout)) };
        if (instant)
        {
            fields.Add(new("time", Seconds(plan.End)));
        }
        else
        {
            fields.Add(new("start", Seconds(plan.Start)));
            fields.Add(new("end", Seconds(plan.End)));
            fields.Add(new("step", PrometheusQueryTemplates.Duration(plan.Step)));
        }

        var uri = new Uri(_baseAddress, instant ? "api/v1/query" : "api/v1/query_range");
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.Token, timeout.Token);
        try
        {
            for (var hops = 0; ; hops++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri);
                request.Content = new FormUrlEncodedContent(fields);
                request.Headers.Authorization = _authorization;
                using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);

                // A client that follows redirects itself shows where it ended; ours does not follow them (the answers' host is checked here).
                var answered = response.RequestMessage?.RequestUri ?? uri;
                if (!SameOrigin(answered))
                {
                    return (null, OffHost(queryName, answered));
                }

                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var target = location.IsAbsoluteUri ? location : new Uri(answered, location);
                    if (!SameOrigin(target))
                    {
                        return (null, OffHost(queryName, target));
                    }

                    if (hops == MaxRedirects)
                    {
                        return (null, new CollectionError(CollectionErrorKind.Unreachable,
                            string.Create(CultureInfo.InvariantCulture, $"query '{queryName}': Prometheus at {_displayEndpoint} redirected more than {MaxRedirects} times"), queryName));
                    }

                    uri = target;
                    continue;
                }

                using var body = await ReadBodyAsync(queryName, response, linked.Token).ConfigureAwait(false);
                if (body.TooLarge is { } tooLarge)
                {
                    return (null, tooLarge);
                }

                return Interpret(queryName, response.StatusCode, body.Bytes);
            }
        }
        catch (OperationCanceledException) when (!context.Caller.IsCancellationRequested)
        {
            return (null, timeout.IsCancellationRequested && !context.Deadline.IsCancellationRequested
                ? new CollectionError(CollectionErrorKind.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"query '{queryName}' got no answer from Prometheus at {_displayEndpoint} within {_timeout.TotalSeconds:0.###} s"), queryName)
                : NotAnswered(queryName, context));
        }
        catch (HttpRequestException e)
        {
            return (null, new CollectionError(CollectionErrorKind.Unreachable,
                $"Prometheus at {_displayEndpoint} cannot be reached: {e.Message}", queryName));
        }
        catch (IOException e)
        {
            return (null, new CollectionError(CollectionErrorKind.Unreachable,
                $"the answer of Prometheus at {_displayEndpoint} broke off: {e.Message}", queryName));
        }
    }

    /// <summary>The same scheme, host and port as the endpoint: a redirect there is Prometheus' own.</summary>
    private bool SameOrigin(Uri uri)
        => string.Equals(uri.Scheme, _baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, _baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
           && uri.Port == _baseAddress.Port;

    /// <summary>A redirect to another host: refused, since that host's answer would be reported as this Prometheus's.</summary>
    private CollectionError OffHost(string queryName, Uri target)
        => new(CollectionErrorKind.Unreachable,
            $"query '{queryName}': Prometheus at {_displayEndpoint} redirected to another host ({target.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}); redirects to another host are refused. Set Endpoint to the address that answers",
            queryName);

    private (PrometheusQueryResult? Result, CollectionError? Error) Interpret(string queryName, HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        PrometheusEnvelope? envelope = null;
        string? parseProblem = null;
        try
        {
            envelope = JsonSerializer.Deserialize(body, PrometheusJsonContext.Default.PrometheusEnvelope);
        }
        catch (JsonException e)
        {
            parseProblem = e.Message;
        }

        var code = (int)status;
        if (envelope is null || envelope.Status is null)
        {
            if (code is >= 200 and < 300)
            {
                return (null, new CollectionError(CollectionErrorKind.InvalidData,
                    $"query '{queryName}': Prometheus at {_displayEndpoint} answered {code} with a body that is not a Prometheus API answer ({parseProblem ?? "no 'status'"})", queryName));
            }

            var kind = KindOf(null, code);
            var hint = code == 404 ? "; is the Endpoint the Prometheus base address (with its path prefix)?" : string.Empty;
            return (null, new CollectionError(kind,
                $"query '{queryName}': {_displayEndpoint} answered {code} {status} with a non-JSON body ('{Quote(Encoding.UTF8.GetString(body))}'){hint}", queryName));
        }

        if (envelope.Status != "success")
        {
            return (null, new CollectionError(KindOf(envelope.ErrorType, code),
                $"query '{queryName}' failed: Prometheus answered {code} {envelope.ErrorType ?? "error"}: {Quote(envelope.Error)}", queryName));
        }

        try
        {
            return (PrometheusResultParser.Parse(envelope), null);
        }
        catch (FormatException e)
        {
            return (null, new CollectionError(CollectionErrorKind.InvalidData, $"query '{queryName}': the answer cannot be read: {e.Message}", queryName));
        }
        catch (InvalidOperationException e)
        {
            return (null, new CollectionError(CollectionErrorKind.InvalidData, $"query '{queryName}': the answer cannot be read: {e.Message}", queryName));
        }
    }

    /// <summary>Maps Prometheus' <c>errorType</c>, else the HTTP status, to the kind of failure.</summary>
    internal static CollectionErrorKind KindOf(string? errorType, int status) => errorType switch
    {
        "bad_data" => CollectionErrorKind.BadQuery,
        "execution" or "internal" => CollectionErrorKind.Execution,
        "timeout" or "canceled" => CollectionErrorKind.Timeout,
        "unavailable" or "not_found" => CollectionErrorKind.Unreachable,
        _ => status switch
        {
            400 => CollectionErrorKind.BadQuery,
            401 or 403 => CollectionErrorKind.Unauthorized,
            422 => CollectionErrorKind.Execution,
            429 => CollectionErrorKind.RateLimited,
            504 => CollectionErrorKind.Timeout,
            _ => CollectionErrorKind.Unreachable,
        },
    };

    private static string Seconds(DateTimeOffset time)
        => (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Quote(string? text)
    {
        var flat = (text ?? string.Empty).Trim().ReplaceLineEndings(" ");
        return flat.Length <= MaxQuotedErrorLength ? flat : string.Concat(flat.AsSpan(0, MaxQuotedErrorLength), "...");
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Prometheus collector {Collector} ({Endpoint}): query {Query} failed ({Kind}): {Reason}")]
    private static partial void LogQueryFailed(ILogger logger, string collector, string endpoint, string query, CollectionErrorKind kind, string reason);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Prometheus collector {Collector}: query {Query} came with warnings: {Warnings}")]
    private static partial void LogWarnings(ILogger logger, string collector, string query, string warnings);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Prometheus collector {Collector}: {Reason}")]
    private static partial void LogNoData(ILogger logger, string collector, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Prometheus collector {Collector}: stale data: {Reason}")]
    private static partial void LogStale(ILogger logger, string collector, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Debug, Message = "Prometheus collector {Collector} collected {Snapshots} snapshots in {Window} (step {Step}), {Errors} errors")]
    private static partial void LogCollected(ILogger logger, string collector, int snapshots, CollectionWindow window, TimeSpan step, int errors);
}
