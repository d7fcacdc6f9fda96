using Observability;

namespace OpenTelemetry.Metrics;

/// <summary>Adds the library's instruments to an OpenTelemetry meter provider.</summary>
public static class ObservabilityMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="ObservabilityInstrumentation.MeterName"/> meter: pass, collector, stability, log
    /// ingestion, sink, report and alert instruments (<c>observability.*</c>).
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The builder.</returns>
    public static MeterProviderBuilder AddObservabilityInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(ObservabilityInstrumentation.MeterName);
    }
}
