using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Testing;

/// <summary>
/// Builds the Observability services for a test: a <see cref="FakeTimeProvider"/>, a
/// <see cref="ScriptedCollector"/> and a <see cref="RecordingAlertSink"/>, with alerts enabled.
/// </summary>
public sealed class ObservabilityTestHarness : IDisposable, IAsyncDisposable
{
    /// <summary>The time the fake clock starts at unless told otherwise: 2025-01-06T12:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private ObservabilityTestHarness(FakeTimeProvider time, ScriptedCollector collector, RecordingAlertSink sink, ServiceProvider services)
    {
        Time = time;
        Collector = collector;
        Sink = sink;
        Services = services;
    }

    /// <summary>Gets the fake clock every service reads.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Gets the collector the monitor asks first.</summary>
    public ScriptedCollector Collector { get; }

    /// <summary>Gets the sink that records the delivered alerts.</summary>
    public RecordingAlertSink Sink { get; }

    /// <summary>Gets the built services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Gets the health monitor.</summary>
    public IHealthMonitor Monitor => Services.GetRequiredService<IHealthMonitor>();

    /// <summary>Builds the services.</summary>
    /// <param name="configure">Adjusts the options after the harness defaults (service <c>test-service</c>, alerts enabled).</param>
    /// <param name="build">Adds more providers to the builder, after the scripted collector and recording sink.</param>
    /// <param name="start">The fake clock's start; <see cref="DefaultStart"/> when omitted.</param>
    /// <returns>The harness; dispose it at the end of the test.</returns>
    public static ObservabilityTestHarness Create(Action<ObservabilityOptions>? configure = null, Action<IObservabilityBuilder>? build = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? DefaultStart);
        var collector = new ScriptedCollector();
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        var builder = services
            .AddObservability(o =>
            {
                o.ServiceName = "test-service";
                o.Alerts.Enabled = true;
                configure?.Invoke(o);
            })
            .AddCollector(collector)
            .AddAlertSink(sink);
        build?.Invoke(builder);
        return new ObservabilityTestHarness(time, collector, sink, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)Services).Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ((IAsyncDisposable)Services).DisposeAsync();
}
