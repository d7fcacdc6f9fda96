using System.Diagnostics;

namespace Observability.Internal;

/// <summary>The library's own tracing source: one activity per monitoring pass.</summary>
internal static class ObservabilityTelemetry
{
    public const string SourceName = "Observability";

    public static ActivitySource Source { get; } = new(SourceName, typeof(ObservabilityTelemetry).Assembly.GetName().Version?.ToString());
}
