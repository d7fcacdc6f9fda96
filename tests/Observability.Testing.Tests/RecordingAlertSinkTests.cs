namespace Observability.Testing.Tests;

public sealed class RecordingAlertSinkTests
{
    [Fact]
    public async Task SendAsync_Alerts_RecordsEachDeliveryInOrder()
    {
        var sink = new RecordingAlertSink();
        var a = CreateAlert("a");
        var b = CreateAlert("b");
        var c = CreateAlert("c");

        var first = await sink.SendAsync([a, b]);
        var second = await sink.SendAsync([c]);

        Assert.True(first.Succeeded);
        Assert.Equal(2, first.AlertCount);
        Assert.Equal("recording", first.SinkName);
        Assert.True(second.Succeeded);
        Assert.Equal(2, sink.Deliveries.Count);
        Assert.Equal(["a", "b", "c"], sink.Alerts.Select(static x => x.Rule));
    }

    [Fact]
    public async Task SendAsync_CallerListChangedAfterwards_KeepsRecordedAlerts()
    {
        var sink = new RecordingAlertSink();
        var alerts = new List<Alert> { CreateAlert("a") };

        await sink.SendAsync(alerts);
        alerts.Add(CreateAlert("b"));

        Assert.Single(sink.Alerts);
    }

    [Fact]
    public async Task SendAsync_AfterFailNext_ReturnsFailureOnceAndRecordsNothing()
    {
        var sink = new RecordingAlertSink("discord").FailNext("HTTP 500", 500);

        var failed = await sink.SendAsync([CreateAlert("a"), CreateAlert("b")]);
        var next = await sink.SendAsync([CreateAlert("c")]);

        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("HTTP 500", failed.Error);
        Assert.Equal(500, failed.StatusCode);
        Assert.Equal(2, failed.AlertCount);
        Assert.Equal("discord", failed.SinkName);
        Assert.True(next.Succeeded);
        Assert.Equal(["c"], sink.Alerts.Select(static x => x.Rule));
    }

    [Fact]
    public async Task SendAsync_AfterThrowNext_ThrowsThatExceptionOnce()
    {
        var exception = new HttpRequestException("connection refused");
        var sink = new RecordingAlertSink().ThrowNext(exception);

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync([CreateAlert("a")]));
        var next = await sink.SendAsync([CreateAlert("b")]);

        Assert.Same(exception, thrown);
        Assert.True(next.Succeeded);
        Assert.Equal(["b"], sink.Alerts.Select(static x => x.Rule));
    }

    [Fact]
    public async Task SendAsync_ScriptedOutcomes_AreUsedInOrder()
    {
        var sink = new RecordingAlertSink().FailNext("first").ThrowNext(new InvalidOperationException("second"));

        var first = await sink.SendAsync([CreateAlert("a")]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.SendAsync([CreateAlert("b")]));
        var third = await sink.SendAsync([CreateAlert("c")]);

        Assert.Equal("first", first.Error);
        Assert.True(third.Succeeded);
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsAndRecordsNothing()
    {
        var sink = new RecordingAlertSink();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.SendAsync([CreateAlert("a")], cts.Token));

        Assert.Empty(sink.Deliveries);
    }

    [Fact]
    public async Task Members_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new RecordingAlertSink(""));
        Assert.Throws<ArgumentNullException>(() => new RecordingAlertSink().ThrowNext(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => new RecordingAlertSink().SendAsync(null!));
    }

    private static Alert CreateAlert(string rule) => new() { Rule = rule, Severity = AlertSeverity.Warning, Title = rule };
}
