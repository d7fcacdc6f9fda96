using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Core.Tests.Rollback;

/// <summary>The audit trail, the caller's cancellation, a user's own action, and the automatic rollback once per condition.</summary>
public sealed class EmergencyRollbackTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task RollBackAsync_AppendsOneLinePerRollbackWithEveryField()
    {
        var time = RollbackTestKit.FakeTime();
        await using var kit = new RollbackTestKit(r => r.Command.FileName = "true", time);

        await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "first") { Decision = Decision.Rollback, TraceId = "4bf92f3577b34da6a3ce929d0e0e4736" });
        await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "second with password=hunter2-very-secret"));

        var lines = kit.AuditLines;
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(
            ["at", "service", "reason", "verdict", "trace_id", "automatic", "action", "outcome", "exit_code", "http_status", "error", "duration_ms"],
            first.EnumerateObject().Select(static p => p.Name).ToArray());
        Assert.Equal(time.GetUtcNow(), first.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("checkout", first.GetProperty("service").GetString());
        Assert.Equal("first", first.GetProperty("reason").GetString());
        Assert.Equal("rollback", first.GetProperty("verdict").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", first.GetProperty("trace_id").GetString());
        Assert.False(first.GetProperty("automatic").GetBoolean());
        Assert.Equal("command true (0 argument(s))", first.GetProperty("action").GetString());
        Assert.Equal("succeeded", first.GetProperty("outcome").GetString());
        Assert.Equal(0, first.GetProperty("exit_code").GetInt32());
        Assert.True(first.GetProperty("duration_ms").GetDouble() >= 0);
        var second = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal(JsonValueKind.Null, second.GetProperty("verdict").ValueKind);
        Assert.Equal(32, second.GetProperty("trace_id").GetString()!.Length);
        Assert.DoesNotContain("hunter2-very-secret", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBackAsync_NoActionConfigured_RecordsAnErrorAndRunsNothing()
    {
        await using var kit = new RollbackTestKit(_ => { });

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Error, record.Outcome);
        Assert.Equal("none", record.Action);
        Assert.Contains("no rollback action is configured", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBackAsync_CallerCancels_RecordsCancelledAndRethrows()
    {
        var action = new BlockingAction();
        await using var kit = new RollbackTestKit(_ => { }, action: action);
        using var cancellation = new CancellationTokenSource();

        var rolling = kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"), cancellation.Token);
        await action.Started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rolling);
        Assert.Equal("cancelled", JsonDocument.Parse(Assert.Single(kit.AuditLines)).RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task RunOnceAsync_AutomaticRollback_RunsOncePerConditionAndAgainAfterRecovery()
    {
        var action = new CountingAction();
        await using var harness = ObservabilityTestHarness.Create(
            o => o.Rollback.Automatic = true,
            b => b.Services.AddSingleton<IRollbackAction>(action));
        var failing = Day(i => i >= 44 ? 0.08 : 0.0004);
        var healthy = Day(_ => 0.0004);

        foreach (var series in new[] { failing, failing, failing, healthy, failing })
        {
            harness.Collector.EnqueueResult(CollectionResult.Success("scripted", series));
            await harness.Monitor.RunOnceAsync();
        }

        Assert.Equal(2, action.Requests.Count);
        Assert.All(action.Requests, r =>
        {
            Assert.True(r.Automatic);
            Assert.Equal(Decision.Rollback, r.Decision);
            Assert.Equal("test-service", r.Service);
            Assert.Equal(32, r.TraceId!.Length);
        });
    }

    [Fact]
    public async Task RunOnceAsync_AutomaticRollbackOff_NeverRunsTheAction()
    {
        var action = new CountingAction();
        await using var harness = ObservabilityTestHarness.Create(build: b => b.Services.AddSingleton<IRollbackAction>(action));
        harness.Collector.Add(Day(i => i >= 44 ? 0.08 : 0.0004));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        Assert.Empty(action.Requests);
        Assert.Same(result, harness.Services.GetRequiredService<IMonitoringResultAccessor>().LastResult);
    }

    private static IReadOnlyList<MetricSnapshot> Day(Func<int, double> errorRate)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), Interval, 48, (i, t) => TestSnapshots.Service(t, errorRate: errorRate(i)));

    private sealed class CountingAction : IRollbackAction
    {
        public List<RollbackRequest> Requests { get; } = [];

        public string Description => "counting";

        public Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new RollbackActionResult(RollbackOutcome.Succeeded));
        }
    }

    private sealed class BlockingAction : IRollbackAction
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Description => "blocking";

        public async Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new RollbackActionResult(RollbackOutcome.Succeeded);
        }
    }
}
