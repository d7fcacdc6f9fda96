using Observability;

namespace OpenTelemetry.Trace;

/// <summary>Adds the library's spans to an OpenTelemetry tracer provider.</summary>
public static class ObservabilityTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="ObservabilityInstrumentation.ActivitySourceName"/> source: the monitoring pass and its
    /// steps, stability ticks, sink sends and recorded commands.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The builder.</returns>
    public static TracerProviderBuilder AddObservabilityInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(ObservabilityInstrumentation.ActivitySourceName);
    }
}
