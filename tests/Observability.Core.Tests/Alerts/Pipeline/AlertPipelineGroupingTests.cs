using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Grouping: group by labels, group wait, group interval; a storm becomes one send.</summary>
public sealed class AlertPipelineGroupingTests : AlertPipelineTestBase
{
    [Fact]
    public async Task Publish_StormOfOneService_IsOneSendPerSink()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var storm = Enumerable.Range(0, 40).Select(i => CreateAlert() with { Rule = $"rule_{i}" }).ToArray();

        var result = await PublishNowAsync(pipeline, storm);

        Assert.Equal(40, Assert.Single(sink.Deliveries).Count);
        Assert.Equal(40, Assert.Single(result.Deliveries).AlertCount);
    }

    [Fact]
    public async Task Publish_GroupByService_OneSendPerServiceInOrderOfArrival()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        await PublishNowAsync(pipeline, 
            [
                CreateAlert() with { Rule = "a", Labels = new Dictionary<string, string> { ["service"] = "checkout" } },
                CreateAlert() with { Rule = "b", Labels = new Dictionary<string, string> { ["service"] = "payments" } },
                CreateAlert() with { Rule = "c", Labels = new Dictionary<string, string> { ["service"] = "checkout" } },
            ]);

        Assert.Equal(["a,c", "b"], sink.Deliveries.Select(static d => string.Join(',', d.Select(static a => a.Rule))));
    }

    [Fact]
    public async Task Publish_GroupByTwoLabels_OneSendPerPairOfValues_NotPerJoinedText()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o =>
        {
            o.Alerts.GroupBy.Clear();
            o.Alerts.GroupBy.Add("service");
            o.Alerts.GroupBy.Add("region");
        });
        Alert At(string rule, string service, string region)
            => CreateAlert() with { Rule = rule, Labels = new Dictionary<string, string> { ["service"] = service, ["region"] = region } };

        await PublishNowAsync(pipeline, [At("a", "checkout", "eu"), At("b", "checkout", "us"), At("c", "checkout", "eu"), At("d", "payments", "eu")]);

        Assert.Equal(["a,c", "b", "d"], sink.Deliveries.Select(static d => string.Join(',', d.Select(static a => a.Rule))));
    }

    [Fact]
    public async Task Publish_MoreThanMaxAlertsPerSend_SplitsTheGroup()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.Delivery.MaxAlertsPerSend = 10);

        await PublishNowAsync(pipeline, Enumerable.Range(0, 25).Select(i => CreateAlert() with { Rule = $"r{i}" }).ToArray());

        Assert.Equal([10, 10, 5], sink.Deliveries.Select(static d => d.Count));
    }

    [Fact]
    public async Task GroupWait_AlertsArrivingWithinIt_GoTogetherWhenItEnds()
    {
        var sink = new RecordingAlertSink("chat", _time);
        var pipeline = Build(sink, o => o.Alerts.GroupWait = TimeSpan.FromSeconds(30));

        var first = await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "a" }]);
        _time.Advance(TimeSpan.FromSeconds(20));
        await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "b" }]);
        _time.Advance(TimeSpan.FromSeconds(9));
        await pipeline.DeliverDueAsync();
        var before = sink.Deliveries.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await pipeline.DeliverDueAsync();

        Assert.Empty(first.Deliveries); // waiting for its group
        Assert.Equal(0, before); // 29 s: still waiting
        Assert.Equal("a,b", string.Join(',', Assert.Single(sink.Deliveries).Select(static a => a.Rule)));
        Assert.Equal(T0 + TimeSpan.FromSeconds(30), Assert.Single(sink.AttemptTimes));
    }

    [Fact]
    public async Task GroupInterval_NewAlertsOfASentGroup_WaitForItThenGoTogether()
    {
        var sink = new RecordingAlertSink("chat", _time);
        var pipeline = Build(sink, o => o.Alerts.GroupInterval = TimeSpan.FromMinutes(5));

        await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "a" }]); // sent at once
        _time.Advance(TimeSpan.FromMinutes(1));
        await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "b" }]);
        _time.Advance(TimeSpan.FromMinutes(1));
        await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "c" }]);
        _time.Advance(TimeSpan.FromMinutes(3));
        await pipeline.DeliverDueAsync();

        Assert.Equal(["a", "b,c"], sink.Deliveries.Select(static d => string.Join(',', d.Select(static a => a.Rule))));
        Assert.Equal([T0, T0 + TimeSpan.FromMinutes(5)], sink.AttemptTimes);
    }

    [Fact]
    public async Task FlushAsync_IgnoresGroupWait()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.GroupWait = TimeSpan.FromMinutes(10));

        await PublishNowAsync(pipeline, [CreateAlert()]);
        var empty = await pipeline.FlushAsync(CancellationToken.None);

        Assert.True(empty);
        Assert.Single(sink.Alerts);
    }
}
