using Microsoft.Extensions.Diagnostics.HealthChecks;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the release health check: the last monitoring pass's verdict as an ASP.NET Core health check.</summary>
public static class ObservabilityHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check.</summary>
    public const string DefaultName = "release-health";

    /// <summary>
    /// Adds the check: proceed is <c>Healthy</c>, hold <c>Degraded</c>, rollback <c>Unhealthy</c>; before the first pass
    /// and when the pass had no data it is <c>Degraded</c>. Its data holds <c>verdict</c>, <c>service</c>, <c>health</c>,
    /// <c>stability</c>, <c>alerts</c>, <c>reasons</c>, <c>rules</c>, <c>generatedAt</c>, <c>windowEnd</c> and <c>traceId</c>.
    /// Needs <c>AddObservability</c>; passes come from <c>AddHealthMonitorService</c> or your own calls to <see cref="IHealthMonitor"/>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name. Default: <see cref="DefaultName"/>.</param>
    /// <param name="tags">Tags to filter the check by (for example <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddObservabilityHealthCheck(this IHealthChecksBuilder builder, string name = DefaultName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new ReleaseHealthCheck(sp.GetRequiredService<IMonitoringResultAccessor>()),
            failureStatus: null,
            tags));
    }
}
