using System.Diagnostics;
using Observability.Internal;

namespace Observability;

/// <content>Each tick as the <c>observability.stability.tick</c> span, counted and timed on the Observability meter.</content>
public sealed partial class StabilityMonitor
{
    private async Task<StabilityProgress> TickAsync(StabilityRunState run, int tick, int planned, DateTimeOffset due, int skipped, CancellationToken cancellationToken)
    {
        using var activity = ObservabilityTelemetry.Source.StartActivity("observability.stability.tick");
        activity?.SetTag("observability.service", _options.ServiceName);
        activity?.SetTag("observability.tick", tick);
        var started = _time.GetTimestamp();
        var outcome = "canceled";
        try
        {
            var progress = await TickCoreAsync(run, tick, planned, due, skipped, cancellationToken).ConfigureAwait(false);
            outcome = progress.Outcome switch
            {
                StabilityTickOutcome.Collected => "collected",
                StabilityTickOutcome.Empty => "empty",
                _ => "failed",
            };
            activity?.SetTag("observability.tick.outcome", outcome);
            if (progress.Outcome == StabilityTickOutcome.Failed)
            {
                ObservabilityTelemetry.Fail(activity, _redactor.RedactText(progress.Message));
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Ok);
            }

            return progress;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = "failed";
            ObservabilityTelemetry.Fail(activity, ex, _redactor);
            throw;
        }
        finally
        {
            ObservabilityTelemetry.StabilityTicks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            ObservabilityTelemetry.StabilityTickDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
