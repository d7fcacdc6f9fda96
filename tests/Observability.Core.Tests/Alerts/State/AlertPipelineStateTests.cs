using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Core.Tests.Alerts.Pipeline;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.State;

/// <summary>
/// Two pipelines (two runs of a one-shot tool) sharing one state folder behave as one long-lived pipeline: a repeat within the
/// repeat interval is held back, a cleared condition is sent resolved once, inhibition holds across them.
/// </summary>
public sealed class AlertPipelineStateTests : AlertPipelineTestBase, IDisposable
{
    private const string Scope = "checkout";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-state-tests-" + Guid.NewGuid().ToString("N"));

    public new void Dispose()
    {
        base.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task PublishPassAsync_StillFiringInASecondRun_IsNotSentAgainWithinTheRepeatIntervalButIsAfterIt()
    {
        var firstSink = new RecordingAlertSink("first");
        await PassNowAsync(Run(firstSink), Scope, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(15));
        var secondSink = new RecordingAlertSink("second");
        var second = await PassNowAsync(Run(secondSink), Scope, [CreateAlert() with { Message = "7.1 % of 70 jobs failed" }]);
        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(15));
        var thirdSink = new RecordingAlertSink("third");
        var third = await PassNowAsync(Run(thirdSink), Scope, [CreateAlert()]);

        Assert.Single(firstSink.Alerts);
        Assert.Equal(1, second.Suppressed);
        Assert.Empty(secondSink.Alerts);
        Assert.Equal(AlertStatus.Firing, Assert.Single(third.Raised).Status); // 4 hours after the first notification
        Assert.Single(thirdSink.Alerts);
    }

    [Fact]
    public async Task PublishPassAsync_ClearedInALaterRun_IsSentResolvedExactlyOnce()
    {
        await Run(new RecordingAlertSink("first")).PublishPassAsync(Scope, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(15));
        var secondSink = new RecordingAlertSink("second");
        var cleared = await PassNowAsync(Run(secondSink), Scope, []);
        _time.Advance(TimeSpan.FromMinutes(15));
        var thirdSink = new RecordingAlertSink("third");
        var after = await PassNowAsync(Run(thirdSink), Scope, []);

        var resolved = Assert.Single(secondSink.Alerts);
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal("error_rate_critical", resolved.Rule);
        Assert.Equal(T0.AddMinutes(15), resolved.EndsAt);
        Assert.Empty(after.Accepted); // nothing left to resolve
        Assert.Empty(thirdSink.Alerts);
        Assert.DoesNotContain(cleared.Deliveries, static d => d.Status != DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task PublishPassAsync_TwoRunsAtOnceSeeTheConditionClear_ResolvedIsSentOnceInAll()
    {
        // Loading, deciding and saving are separate holds of the folder's lock, so the runs interleave in every way over
        // the rounds; the resolved notice's reservation is atomic across them, so one of the two sends it, never both.
        for (var round = 0; round < 20; round++)
        {
            var scope = $"{Scope}-{round}";
            await Run(new RecordingAlertSink("first")).PublishPassAsync(scope, [CreateAlert()]);
            _time.Advance(TimeSpan.FromMinutes(15));
            var sinks = new[] { new RecordingAlertSink("a"), new RecordingAlertSink("b") };
            var runs = sinks.Select(Run).ToArray();

            var both = Task.WhenAll(runs.Select(run => Task.Run(() => PassNowAsync(run, scope, []))));
            while (!both.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(50)); // the run waiting for the folder's lock polls on this clock
                await Task.WhenAny(both, Task.Delay(1));
            }

            await both;

            var resolved = sinks.SelectMany(static s => s.Alerts).ToArray();
            Assert.True(resolved.Length == 1, $"round {round}: {resolved.Length} resolved notices");
            Assert.Equal(AlertStatus.Resolved, resolved[0].Status);
        }
    }

    [Fact]
    public async Task PublishPassAsync_CriticalFromAnotherRun_InhibitsTheMatchingWarning()
    {
        var critical = CreateAlert() with { Labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = "error_rate" } };
        var warning = CreateAlert() with
        {
            Rule = "error_rate_warning",
            Severity = AlertSeverity.Warning,
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = "error_rate" },
        };
        await Run(new RecordingAlertSink("first")).PublishPassAsync("stability:checkout", [critical]);
        _time.Advance(TimeSpan.FromMinutes(1));
        var secondSink = new RecordingAlertSink("second");
        var second = await PassNowAsync(Run(secondSink), Scope, [warning]);
        var unsharedSink = new RecordingAlertSink("unshared");
        var unshared = await PassNowAsync(Build(unsharedSink), Scope, [warning]); // the same, without the state: not muted

        Assert.Equal(1, second.Inhibited);
        Assert.Empty(secondSink.Alerts);
        Assert.Equal(0, unshared.Inhibited);
        Assert.Single(unsharedSink.Alerts);
    }

    [Fact]
    public async Task PublishPassAsync_WithoutAStateFolder_ForgetsBetweenRuns()
    {
        // The default keeps the memory in the process: the behaviour the state folder changes.
        await Build(new RecordingAlertSink("first")).PublishPassAsync(Scope, [CreateAlert()]);
        var secondSink = new RecordingAlertSink("second");
        await PassNowAsync(Build(secondSink), Scope, []);

        Assert.Empty(secondSink.Alerts);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task PublishPassAsync_StateFileCorrupt_ReportsItAndGoesOnAsAFirstRun()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, FileAlertStateStore.FileName), "{ not json");
        var sink = new RecordingAlertSink("first");
        var provider = BuildProvider([sink], o => o.Alerts.StateDirectory = _directory, logging: true);

        var result = await PassNowAsync(provider.GetRequiredService<AlertPipeline>(), Scope, [CreateAlert()]);

        Assert.Single(result.Raised);
        Assert.Single(sink.Alerts);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, l => l.Id.Id == 2043 && l.Message.Contains(FileAlertStateStore.FileName, StringComparison.Ordinal) && l.Message.Contains("line 1", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(_directory, "alert-state.json.corrupt-*"));
    }

    [Fact]
    public async Task PublishPassAsync_StoreFailing_DecidesInMemoryAndSaysSoOnce()
    {
        var services = new ServiceCollection();
        var store = new FailingStateStore();
        services.AddSingleton<IAlertStateStore>(store);
        var sink = new RecordingAlertSink("webhook");
        var provider = BuildProvider([sink], logging: true, services: services);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        await PassNowAsync(pipeline, Scope, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(15));
        await PassNowAsync(pipeline, Scope, []);
        store.Fail = false;
        _time.Advance(TimeSpan.FromMinutes(15));
        await PassNowAsync(pipeline, Scope, []);

        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], sink.Alerts.Select(static a => a.Status)); // the process's memory resolved it
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        var failed = Assert.Single(logs, static l => l.Id.Id == 2040);
        Assert.DoesNotContain(SinkSecret, failed.Message, StringComparison.Ordinal);
        Assert.Contains("memory", failed.Message, StringComparison.Ordinal);
        Assert.Single(logs, static l => l.Id.Id == 2041);
        Assert.Empty(store.Saved); // the firing entry and its removal cancel out: nothing left to write once it answers
    }

    /// <summary>One run's pass: published, then its deliveries made (publishing only queues them).</summary>
    private static async Task<AlertPublishResult> PassNowAsync(AlertPipeline pipeline, string scope, IReadOnlyList<Alert> alerts)
    {
        var published = await pipeline.PublishPassAsync(scope, alerts);
        return new AlertPublishResult
        {
            Accepted = published.Accepted,
            Raised = published.Raised,
            Suppressed = published.Suppressed,
            Silenced = published.Silenced,
            Inhibited = published.Inhibited,
            Deliveries = await pipeline.DeliverDueAsync(),
        };
    }

    private AlertPipeline Run(RecordingAlertSink sink)
        => BuildProvider([sink], o => o.Alerts.StateDirectory = _directory).GetRequiredService<AlertPipeline>();

    private sealed class FailingStateStore : IAlertStateStore
    {
        public bool Fail { get; set; } = true;

        public Dictionary<string, string> Saved { get; } = [];

        public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken = default)
            => Fail ? throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}") : ValueTask.FromResult<IReadOnlyDictionary<string, string>>(Saved);

        public ValueTask SaveAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new InvalidOperationException($"redis://cache:6379 refused AUTH token={SinkSecret}");
            }

            foreach (var (key, value) in changes)
            {
                if (value is null)
                {
                    Saved.Remove(key);
                }
                else
                {
                    Saved[key] = value;
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
