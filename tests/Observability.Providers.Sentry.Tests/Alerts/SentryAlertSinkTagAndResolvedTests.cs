namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>Sentry's tag limits, and what happens to resolved alerts.</summary>
public sealed class SentryAlertSinkTagAndResolvedTests : SentrySinkTestBase
{
    [Fact]
    public async Task SendAsync_LongOrOddLabels_StayWithinSentryTagLimits()
    {
        var longKey = "deployment_pipeline_stage_identifier"; // 36 characters, cut to 32
        var labels = new Dictionary<string, string>
        {
            [AlertLabels.Service] = "checkout",
            [longKey] = "build",
            ["team name/owner"] = "payments",
            ["note"] = new string('x', 300),
            ["multi"] = "line one\nline two",
            ["blank"] = "  ",
        };

        await Sink().SendAsync([Alert() with { Labels = labels }]);

        var tags = SentryAlertSinkEventTests.Tags(Server.Single().Envelope.Event().Json());
        Assert.Equal("build", tags["deployment_pipeline_stage_identi"]);
        Assert.Equal(32, "deployment_pipeline_stage_identi".Length);
        Assert.Equal("payments", tags["team_name_owner"]);
        Assert.Equal(200, tags["note"].Length); // 199 'x' and the ellipsis
        Assert.EndsWith("x…", tags["note"], StringComparison.Ordinal);
        Assert.Equal("line one line two", tags["multi"]);
        Assert.False(tags.ContainsKey("blank"));
        Assert.All(tags, static t => Assert.InRange(t.Key.Length, 1, 32));
        Assert.All(tags, static t => Assert.InRange(t.Value.Length, 1, 200));
    }

    [Fact]
    public async Task SendAsync_SixtyLabels_FiftyBecomeTagsAndAllStayInTheContext()
    {
        var labels = Enumerable.Range(0, 60).ToDictionary(static i => $"label_{i:00}", static i => $"value {i}");

        await Sink().SendAsync([Alert() with { Labels = labels }]);

        var sentryEvent = Server.Single().Envelope.Event().Json();
        var tags = SentryAlertSinkEventTests.Tags(sentryEvent);

        // 3 tags of the sink's own (severity, rule, alert_status; no category or service label here) + the first 50 labels by name.
        Assert.Equal(3 + 50, tags.Count);
        Assert.True(tags.ContainsKey("label_49"));
        Assert.False(tags.ContainsKey("label_50"));
        Assert.Equal(60, sentryEvent.GetProperty("contexts").GetProperty("alert").GetProperty("labels").EnumerateObject().Count());
    }

    [Fact]
    public async Task SendAsync_LabelNamedLikeOwnTag_KeepsTheSinksValue()
    {
        var labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", ["severity"] = "page-me", ["release"] = "x" };

        await Sink().SendAsync([Alert(AlertSeverity.Warning) with { Labels = labels }]);

        var tags = SentryAlertSinkEventTests.Tags(Server.Single().Envelope.Event().Json());
        Assert.Equal("warning", tags["severity"]);
        Assert.False(tags.ContainsKey("release"));
    }

    [Fact]
    public async Task SendAsync_ResolvedByDefault_IsSkippedAndSendsNothing()
    {
        var resolved = Alert() with { Status = AlertStatus.Resolved, EndsAt = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero) };

        var result = await Sink().SendAsync([resolved]);

        Assert.Equal(DeliveryStatus.Skipped, result.Status);
        Assert.Equal(1, result.AlertCount);
        Assert.Empty(Server.Received);
    }

    [Fact]
    public async Task SendAsync_ResolvedWithSendResolved_SendsInfoEventTaggedResolved()
    {
        var resolved = Alert(AlertSeverity.Critical) with { Status = AlertStatus.Resolved, EndsAt = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero) };

        var result = await Sink(o => o.SendResolved = true).SendAsync([resolved]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var sentryEvent = Server.Single().Envelope.Event().Json();
        Assert.Equal("info", sentryEvent.GetProperty("level").GetString());
        Assert.StartsWith("[RESOLVED] checkout: error rate", sentryEvent.GetProperty("logentry").GetProperty("formatted").GetString(), StringComparison.Ordinal);
        var tags = SentryAlertSinkEventTests.Tags(sentryEvent);
        Assert.Equal("resolved", tags["alert_status"]);
        Assert.Equal("critical", tags["severity"]);

        // Same fingerprint as the firing alert: the notification lands in the same issue.
        Assert.Equal([resolved.Fingerprint!], SentryAlertSinkEventTests.Strings(sentryEvent.GetProperty("fingerprint")));
        Assert.Equal("2026-11-22T10:30:00.0000000+00:00", sentryEvent.GetProperty("contexts").GetProperty("alert").GetProperty("ends_at").GetString());
    }

    [Fact]
    public async Task SendAsync_MixedGroupByDefault_SendsOnlyTheFiringAlert()
    {
        var firing = Alert() with { Fingerprint = new string('f', 64) };
        var resolved = Alert() with { Fingerprint = new string('e', 64), Status = AlertStatus.Resolved };

        var result = await Sink().SendAsync([resolved, firing]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.AlertCount);
        Assert.Equal([new string('f', 64)], SentryAlertSinkEventTests.Strings(Server.Single().Envelope.Event().Json().GetProperty("fingerprint")));
    }

    [Fact]
    public async Task SendAsync_HugeMessage_IsCutToSentrysMessageLimit()
    {
        await Sink().SendAsync([Alert() with { Message = new string('m', 20_000) }]);

        var formatted = Server.Single().Envelope.Event().Json().GetProperty("logentry").GetProperty("formatted").GetString()!;
        Assert.Equal(8_192, formatted.Length); // 8,191 characters and the ellipsis
        Assert.EndsWith("m…", formatted, StringComparison.Ordinal);
    }
}
