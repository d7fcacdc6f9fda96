using System.Diagnostics;
using Observability.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Observability.Core.Tests.Telemetry;

/// <summary>One call adds the library's spans and instruments to OpenTelemetry; checked with its in-memory exporter.</summary>
public sealed class OpenTelemetryHookupTests
{
    [Fact]
    public async Task AddObservabilityInstrumentation_Tracing_ExportsThePassAndItsSteps()
    {
        var exported = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddObservabilityInstrumentation().AddInMemoryExporter(exported).Build())
        {
            await using var harness = ObservabilityTestHarness.Create();
            harness.Collector.Add(Day());
            var result = await harness.Monitor.RunOnceAsync();
            tracing.ForceFlush();

            var mine = exported.Where(a => a.TraceId.ToHexString() == result.Report.TraceId).Select(a => a.OperationName).ToArray();
            Assert.Contains("observability.pass", mine);
            Assert.Contains("observability.collect", mine);
            Assert.Contains("observability.report", mine);
            Assert.All(exported, a => Assert.Equal(ObservabilityInstrumentation.ActivitySourceName, a.Source.Name));
        }
    }

    [Fact]
    public async Task AddObservabilityInstrumentation_Metrics_ExportsThePassCollectorAndAlertInstruments()
    {
        var exported = new List<Metric>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddObservabilityInstrumentation().AddInMemoryExporter(exported).Build();
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day());

        await harness.Monitor.RunOnceAsync();
        metering.ForceFlush();

        var byName = exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal("s", byName["observability.pass.duration"].Unit);
        Assert.Equal("s", byName["observability.collector.duration"].Unit);
        Assert.Equal("{snapshot}", byName["observability.collector.snapshots"].Unit);
        Assert.Contains("observability.alerts.received", byName.Keys);
        Assert.All(byName.Values, m => Assert.Equal(ObservabilityInstrumentation.MeterName, m.MeterName));
        Assert.All(byName.Keys, n => Assert.StartsWith("observability.", n, StringComparison.Ordinal));
        var collector = byName["observability.collector.duration"];
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (ref readonly var point in collector.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                tags.Add(tag);
            }
        }

        Assert.Contains(new KeyValuePair<string, object?>("collector", "scripted"), tags);
    }

    private static IReadOnlyList<MetricSnapshot> Day()
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), TimeSpan.FromMinutes(30), 48, (i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004));
}
