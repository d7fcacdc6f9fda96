using System.Diagnostics;

namespace Observability.Internal;

/// <summary>
/// One delivery attempt to a sink as the <c>observability.sink.send</c> span (status error with the redacted reason when
/// the sink did not accept) and the <c>observability.sink.send.duration</c> histogram by sink and status. Kept outside the
/// outbox so that the outbox only wraps its call.
/// </summary>
internal static class SinkTelemetry
{
    // A ValueTask: most sends finish synchronously (an in-process sink, a sink that fails fast), and a storm of small
    // groups makes a send per alert, so the wrapper allocates nothing of its own when the send does not wait.
    public static async ValueTask<DeliveryResult> TraceAsync<TState>(string sink, int alerts, TimeProvider time, SecretRedactor redactor, Func<TState, ValueTask<DeliveryResult>> send, TState state)
    {
        using var activity = ObservabilityTelemetry.Source.StartActivity("observability.sink.send", ActivityKind.Client);
        activity?.SetTag("observability.sink", sink);
        activity?.SetTag("observability.alerts", alerts);
        var started = time.GetTimestamp();
        var status = "canceled";
        try
        {
            var result = await send(state).ConfigureAwait(false);
            status = Status(result.Status);
            activity?.SetTag("observability.delivery.status", status);
            if (result.StatusCode is { } code)
            {
                activity?.SetTag("http.response.status_code", code);
            }

            if (result.Succeeded || result.Status == DeliveryStatus.Skipped)
            {
                activity?.SetStatus(ActivityStatusCode.Ok);
            }
            else
            {
                ObservabilityTelemetry.Fail(activity, redactor.RedactText(result.Error ?? status));
                activity?.SetTag("error.type", status);
            }

            return result;
        }
        finally
        {
            ObservabilityTelemetry.SinkSendDuration.Record(time.GetElapsedTime(started).TotalSeconds, new TagList { { "sink", sink }, { "status", status } });
        }
    }

    private static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Throttled => "throttled",
        DeliveryStatus.Rejected => "rejected",
        DeliveryStatus.Gone => "gone",
        DeliveryStatus.Skipped => "skipped",
        _ => "failed",
    };
}
