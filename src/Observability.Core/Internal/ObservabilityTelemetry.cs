using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Observability.Internal;

/// <summary>
/// The library's own tracing source and meter (both <see cref="ObservabilityInstrumentation.ActivitySourceName"/>):
/// spans for a pass and its steps, stability ticks, sink sends and recorded commands, and the instruments of the
/// collectors, the pass, the stability monitor, log ingestion, sinks and reporters. The alert pipeline's own counters
/// are in <see cref="AlertMetrics"/> on a meter of the same name.
/// </summary>
internal static class ObservabilityTelemetry
{
    public const string SourceName = ObservabilityInstrumentation.ActivitySourceName;

    private static readonly string? Version = typeof(ObservabilityTelemetry).Assembly.GetName().Version?.ToString();

    public static ActivitySource Source { get; } = new(SourceName, Version);

    public static Meter Meter { get; } = new(ObservabilityInstrumentation.MeterName, Version);

    public static Histogram<double> PassDuration { get; } = Meter.CreateHistogram<double>("observability.pass.duration", "s", "Duration of a monitoring pass, collection to reports.");

    public static Histogram<double> CollectorDuration { get; } = Meter.CreateHistogram<double>("observability.collector.duration", "s", "Duration of one collector's collection, by collector and status.");

    public static Counter<long> CollectorSnapshots { get; } = Meter.CreateCounter<long>("observability.collector.snapshots", "{snapshot}", "Snapshots returned by collectors.");

    public static Counter<long> StabilityTicks { get; } = Meter.CreateCounter<long>("observability.stability.ticks", "{tick}", "Stability monitor ticks, by outcome (collected, empty, failed).");

    public static Histogram<double> StabilityTickDuration { get; } = Meter.CreateHistogram<double>("observability.stability.tick.duration", "s", "Duration of one stability monitor tick.");

    public static Counter<long> LogLines { get; } = Meter.CreateCounter<long>("observability.logs.lines", "{line}", "Structured log lines ingested, by outcome (accepted, rejected).");

    public static KeyValuePair<string, object?> AcceptedLine { get; } = new("outcome", "accepted");

    public static KeyValuePair<string, object?> RejectedLine { get; } = new("outcome", "rejected");

    public static Histogram<double> SinkSendDuration { get; } = Meter.CreateHistogram<double>("observability.sink.send.duration", "s", "Duration of one delivery attempt to an alert sink, by sink and status.");

    public static Histogram<double> ReportDuration { get; } = Meter.CreateHistogram<double>("observability.report.duration", "s", "Duration of writing a pass's reports, by status.");

    /// <summary>Records one collector's collection: its duration by collector and status, and the snapshots it returned.</summary>
    public static void RecordCollection(string collector, CollectionResult result, TimeSpan duration)
    {
        var status = result.Status switch
        {
            CollectionStatus.Success => "success",
            CollectionStatus.Partial => "partial",
            CollectionStatus.NoData => "no_data",
            _ => "failed",
        };
        CollectorDuration.Record(duration.TotalSeconds, new TagList { { "collector", collector }, { "status", status } });
        if (result.Snapshots.Count > 0)
        {
            CollectorSnapshots.Add(result.Snapshots.Count, new KeyValuePair<string, object?>("collector", collector));
        }
    }

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="description"/> (already redacted).</summary>
    public static void Fail(Activity? activity, string description)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, description);
        activity.SetTag("error.type", "failed");
    }

    /// <summary>Marks <paramref name="activity"/> failed by an exception: its type as <c>error.type</c>, the redacted message as the description.</summary>
    public static void Fail(Activity? activity, Exception exception, SecretRedactor redactor)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, redactor.RedactText(exception.Message));
        activity.SetTag("error.type", exception.GetType().FullName);
    }
}
