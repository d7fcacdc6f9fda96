using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Core.Tests.Telemetry;

/// <summary>The library's own spans, seen through a plain <see cref="ActivityListener"/> as any tracing tool would.</summary>
public sealed class PassTracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public PassTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = static s => s.Name == ObservabilityInstrumentation.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task RunOnceAsync_EmitsThePassSpanWithItsFiveSteps_InOrder_UnderOneTrace()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day(errorRate: 0.0004));

        var result = await harness.Monitor.RunOnceAsync();

        var spans = Spans(result.Report.TraceId);
        var pass = Assert.Single(spans, s => s.OperationName == "observability.pass");
        Assert.Equal("test-service", pass.GetTagItem("observability.service"));
        Assert.Equal("Proceed", pass.GetTagItem("observability.decision"));
        Assert.Equal(ActivityStatusCode.Ok, pass.Status);
        var steps = spans.Where(s => s.ParentSpanId == pass.SpanId).OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName).ToArray();
        Assert.Equal(["observability.collect", "observability.classify", "observability.evaluate", "observability.alert", "observability.report"], steps);
        Assert.All(spans.Where(s => s.ParentSpanId == pass.SpanId), s => Assert.Equal(ActivityStatusCode.Ok, s.Status));
    }

    [Fact]
    public async Task RunOnceAsync_SinkFails_ThePassIsOk_TheSinkSendSpanIsAnError_WithoutTheSecret()
    {
        const string Secret = "ghp_R8x2Lq0vNw4Zt6Yb1Kc3Hd5Jf7Mg9Pa0Sb2T";
        await using var harness = ObservabilityTestHarness.Create();
        harness.Sink.FailNext($"HTTP 500 with token={Secret}", 500);
        harness.Collector.Add(Day(errorRate: 0.08));

        var result = await harness.Monitor.RunOnceAsync();
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await harness.Services.GetRequiredService<IAlertPublisher>().FlushAsync(flush.Token); // delivery runs after the pass

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        var spans = Spans(result.Report.TraceId);
        var pass = Assert.Single(spans, s => s.OperationName == "observability.pass");
        Assert.Equal(ActivityStatusCode.Ok, pass.Status); // a pass that decides rollback ran fine; publishing only queued the alerts
        Assert.Equal("Rollback", pass.GetTagItem("observability.decision"));
        var send = _stopped.First(s => s.OperationName == "observability.sink.send" && s.Status == ActivityStatusCode.Error);
        Assert.Equal("recording", send.GetTagItem("observability.sink"));
        Assert.Equal(500, send.GetTagItem("http.response.status_code"));
        Assert.All(_stopped, s => Assert.DoesNotContain(Secret, s.StatusDescription ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_RecordsThePassAsTheServicesTrace_ShownByDebugLastWhenEnabled()
    {
        await using var harness = ObservabilityTestHarness.Create(o => o.Traces.EnableDebugCommand = true);
        harness.Collector.Add(Day(errorRate: 0.0004));

        var result = await harness.Monitor.RunOnceAsync();

        var trace = harness.Services.GetRequiredService<TraceStore>().GetLast(null, serviceOnly: true)!;
        Assert.Equal(result.Report.TraceId, trace.TraceId);
        Assert.Equal("monitoring pass", trace.Command);
        Assert.Equal(["collect", "classify", "evaluate", "alert", "report"], trace.Steps.Select(s => s.Name));
        Assert.All(trace.Steps, s => Assert.Equal(TraceStepStatus.Succeeded, s.Status));
        Assert.Equal("scripted: 48 snapshots", trace.Steps[0].Detail);
        var text = harness.Services.GetRequiredService<DebugLastCommand>().Render();
        Assert.Contains($"Trace ID: {result.Report.TraceId}", text, StringComparison.Ordinal);
        Assert.Contains("  ✅ collect (", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StabilityMonitor_EachTickIsASpan_FailedTicksAreErrors()
    {
        using var run = new Observability.Core.Tests.Stability.StabilityTestRun();
        var service = "tick-spans-" + Guid.NewGuid().ToString("N");
        var collector = Observability.Core.Tests.Stability.StabilityTestRun.Source((call, _) => call == 1
            ? CollectionResult.Failed("test", new CollectionError(CollectionErrorKind.Unreachable, "connection refused"))
            : null);

        var result = await run.RunAsync(collector, run.Options(o =>
        {
            o.Duration = TimeSpan.FromHours(2);
            o.ServiceName = service;
        }));

        var ticks = _stopped.Where(a => a.OperationName == "observability.stability.tick" && (string?)a.GetTagItem("observability.service") == service)
            .OrderBy(a => (int)a.GetTagItem("observability.tick")!)
            .ToArray();
        Assert.Equal(result.TicksRun, ticks.Length);
        Assert.Equal(ActivityStatusCode.Error, ticks[0].Status);
        Assert.Equal("failed", ticks[0].GetTagItem("observability.tick.outcome"));
        Assert.All(ticks[1..], t => Assert.Equal(ActivityStatusCode.Ok, t.Status));
    }

    private Activity[] Spans(string traceId) => _stopped.Where(a => a.TraceId.ToHexString() == traceId).ToArray();

    private static IReadOnlyList<MetricSnapshot> Day(double errorRate)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), TimeSpan.FromMinutes(30), 48, (i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? errorRate : 0.0004));
}
