using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Silences, maintenance windows, inhibition rules and per-sink routes.</summary>
public sealed class AlertPipelineSilenceTests : AlertPipelineTestBase
{
    [Fact]
    public async Task Silence_InForce_MutesMatchingAlertsUntilItExpires()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o =>
        {
            var maintenance = new AlertSilence { StartsAt = T0, EndsAt = T0 + TimeSpan.FromHours(1), Comment = "database upgrade" };
            maintenance.Matchers.Add("service=checkout");
            maintenance.Matchers.Add("rule=~error_rate_.*");
            o.Alerts.Silences.Add(maintenance);
        });

        var during = await PublishNowAsync(pipeline, [CreateAlert(), CreateAlert() with { Rule = "latency_p99_critical" }]);
        _time.Advance(TimeSpan.FromHours(1));
        var after = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(1, during.Silenced);
        Assert.Equal(["latency_p99_critical", "error_rate_critical"], sink.Alerts.Select(static a => a.Rule)); // unmatched rule went through; the expiry is exclusive
        Assert.Equal(0, after.Silenced);
    }

    [Fact]
    public async Task Silence_NotYetStarted_MutesNothing()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o =>
        {
            var later = new AlertSilence { StartsAt = T0 + TimeSpan.FromMinutes(1), EndsAt = T0 + TimeSpan.FromHours(1) };
            later.Matchers.Add("service=checkout");
            o.Alerts.Silences.Add(later);
        });

        var result = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(0, result.Silenced);
        Assert.Single(sink.Alerts);
    }

    [Fact]
    public async Task Inhibition_CriticalMutesTheWarningOfTheSameServiceAndCategoryOnly()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.MinimumSeverity = AlertSeverity.Info);
        Alert Make(string rule, AlertSeverity severity, string service, string category) => CreateAlert() with
        {
            Rule = rule,
            Severity = severity,
            Labels = new Dictionary<string, string> { ["service"] = service, ["category"] = category },
        };

        var result = await PublishNowAsync(pipeline, 
            [
                Make("error_rate_warning", AlertSeverity.Warning, "checkout", "error_rate"), // muted: same service and category
                Make("error_rate_critical", AlertSeverity.Critical, "checkout", "error_rate"),
                Make("latency_warning", AlertSeverity.Warning, "checkout", "latency"), // other category
                Make("error_rate_warning", AlertSeverity.Warning, "payments", "error_rate"), // other service
                Make("error_rate_info", AlertSeverity.Info, "checkout", "error_rate"), // muted
            ]);

        Assert.Equal(2, result.Inhibited);
        Assert.Equal(
            ["error_rate_critical/checkout", "error_rate_warning/payments", "latency_warning/checkout"],
            sink.Alerts.Select(static a => $"{a.Rule}/{a.Labels["service"]}").Order());
    }

    [Fact]
    public async Task Inhibition_SourceFromAnEarlierPublishWithinTheDedupeWindow_StillMutes()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = "error_rate" };

        await PublishNowAsync(pipeline, [CreateAlert() with { Labels = labels }]);
        _time.Advance(TimeSpan.FromMinutes(4));
        var warning = await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "error_rate_warning", Severity = AlertSeverity.Warning, Labels = labels }]);
        _time.Advance(TimeSpan.FromMinutes(2)); // the critical was last seen 6 minutes ago
        var later = await PublishNowAsync(pipeline, [CreateAlert() with { Rule = "error_rate_warning", Severity = AlertSeverity.Warning, Labels = labels }]);

        Assert.Equal(1, warning.Inhibited);
        Assert.Equal(0, later.Inhibited);
    }

    [Fact]
    public async Task Inhibition_ASilencedCriticalMutesItsOwnBatchOnly_NotTheNextPublish()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o =>
        {
            var silence = new AlertSilence { StartsAt = T0, EndsAt = T0 + TimeSpan.FromHours(1) };
            silence.Matchers.Add("rule=error_rate_critical");
            o.Alerts.Silences.Add(silence);
        });
        var labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = "error_rate" };
        Alert Warning(string rule) => CreateAlert() with { Rule = rule, Severity = AlertSeverity.Warning, Labels = labels };

        // The silenced critical is not remembered (nothing raised it), but it still fires: it mutes the warning beside it.
        var first = await PublishNowAsync(pipeline, [CreateAlert() with { Labels = labels }, Warning("error_rate_warning")]);
        var next = await PublishNowAsync(pipeline, [Warning("error_rate_slow_warning")]); // the batch's sources are gone with its batch

        Assert.Equal((1, 1), (first.Silenced, first.Inhibited));
        Assert.Equal(0, next.Inhibited);
        Assert.Equal(["error_rate_slow_warning"], sink.Alerts.Select(static a => a.Rule));
    }

    [Fact]
    public async Task Inhibition_RulesCleared_MutesNothing()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.Inhibitions.Clear());
        var labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = "error_rate" };

        var result = await PublishNowAsync(pipeline, 
            [CreateAlert() with { Labels = labels }, CreateAlert() with { Rule = "w", Severity = AlertSeverity.Warning, Labels = labels }]);

        Assert.Equal(0, result.Inhibited);
        Assert.Equal(2, sink.Alerts.Count);
    }

    [Fact]
    public async Task Routes_CriticalToThePagerWarningsToChat()
    {
        var pager = new RecordingAlertSink("sentry");
        var chat = new RecordingAlertSink("discord");
        var pipeline = Build(new IAlertSink[] { pager, chat }, o =>
        {
            o.Alerts.Inhibitions.Clear();
            o.Alerts.Routes["sentry"] = new AlertRoute { MinimumSeverity = AlertSeverity.Critical };
        });

        await PublishNowAsync(pipeline, 
            [
                CreateAlert() with { Rule = "crit" },
                CreateAlert() with { Rule = "warn", Severity = AlertSeverity.Warning },
                CreateAlert() with { Rule = "info", Severity = AlertSeverity.Info }, // reports only
            ]);

        Assert.Equal(["crit"], pager.Alerts.Select(static a => a.Rule));
        Assert.Equal(["crit", "warn"], chat.Alerts.Select(static a => a.Rule));
    }

    [Fact]
    public async Task Routes_Matchers_SelectByLabels()
    {
        var production = new RecordingAlertSink("pager");
        var pipeline = Build(production, o =>
        {
            var route = new AlertRoute();
            route.Matchers.Add("environment=production");
            o.Alerts.Routes["pager"] = route;
        });

        await PublishNowAsync(pipeline, 
            [
                CreateAlert() with { Rule = "prod", Labels = new Dictionary<string, string> { ["service"] = "checkout", ["environment"] = "production" } },
                CreateAlert() with { Rule = "staging", Labels = new Dictionary<string, string> { ["service"] = "checkout", ["environment"] = "staging" } },
            ]);

        Assert.Equal(["prod"], production.Alerts.Select(static a => a.Rule));
    }
}
