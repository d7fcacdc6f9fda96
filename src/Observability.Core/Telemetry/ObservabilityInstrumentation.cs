namespace Observability;

/// <summary>
/// The names under which the library reports on its own work, following OpenTelemetry's conventions: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <c>Observability</c>, with instruments named <c>observability.*</c> in UCUM units (<c>s</c>, <c>{alert}</c>, ...).
/// Add them to OpenTelemetry with <c>AddObservabilityInstrumentation()</c> on a <c>TracerProviderBuilder</c> and a
/// <c>MeterProviderBuilder</c>, or with <c>AddSource(ObservabilityInstrumentation.ActivitySourceName)</c> and
/// <c>AddMeter(ObservabilityInstrumentation.MeterName)</c>.
/// </summary>
/// <remarks>
/// Spans: <c>observability.pass</c> with its steps <c>observability.collect</c>, <c>observability.classify</c>,
/// <c>observability.evaluate</c>, <c>observability.alert</c> and <c>observability.report</c>;
/// <c>observability.stability.tick</c>; <c>observability.sink.send</c> per delivery attempt; and
/// <c>observability.command</c> with one child span per step for a command recorded with <see cref="ExecutionTracer"/>.
/// Failed work ends with the span's status set to error and its description.
/// Instruments: <c>observability.pass.duration</c>, <c>observability.collector.duration</c>,
/// <c>observability.collector.snapshots</c>, <c>observability.stability.ticks</c>,
/// <c>observability.stability.tick.duration</c>, <c>observability.logs.lines</c>,
/// <c>observability.sink.send.duration</c>, <c>observability.report.duration</c>, and the alert pipeline's
/// <c>observability.alerts.*</c>.
/// </remarks>
public static class ObservabilityInstrumentation
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.ActivitySource"/>: <c>Observability</c>.</summary>
    public const string ActivitySourceName = "Observability";

    /// <summary>The name of the library's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Observability</c>.</summary>
    public const string MeterName = "Observability";
}
