using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Routing: alerting switched off, minimum severity, nothing to send.</summary>
public sealed class AlertPipelineRoutingTests : AlertPipelineTestBase
{
    [Fact]
    public async Task PublishAsync_AlertsDisabled_RaisesRedactedAlertsButDeliversAndReservesNothing()
    {
        var sink = new RecordingAlertSink();
        var provider = BuildProvider(sink, o => o.Alerts.Enabled = false);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await PublishNowAsync(pipeline, [CreateAlert() with { Message = "token=tok-disabled-1234" }]);

        var raised = Assert.Single(result.Raised);
        Assert.DoesNotContain("tok-disabled", raised.Message);
        Assert.NotNull(raised.Fingerprint);
        Assert.Empty(result.Deliveries);
        Assert.Equal(0, result.Suppressed);
        Assert.Empty(sink.Deliveries);
        var store = Assert.IsType<InMemoryDedupeStore>(provider.GetRequiredService<IDedupeStore>());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task PublishAsync_BelowMinimumSeverity_IsRaisedButNotDelivered()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var info = CreateAlert() with { Rule = "info_rule", Severity = AlertSeverity.Info };
        var warning = CreateAlert() with { Rule = "warning_rule", Severity = AlertSeverity.Warning };

        var result = await PublishNowAsync(pipeline, [info, warning]);

        Assert.Equal(2, result.Raised.Count);
        var delivered = Assert.Single(sink.Alerts);
        Assert.Equal("warning_rule", delivered.Rule);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(1, delivery.AlertCount);
    }

    [Fact]
    public async Task PublishAsync_NothingAtMinimumSeverity_CallsNoSink()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink, o => o.Alerts.MinimumSeverity = AlertSeverity.Error);

        var result = await PublishNowAsync(pipeline, [CreateAlert() with { Severity = AlertSeverity.Warning }]);

        Assert.Single(result.Raised);
        Assert.Empty(result.Deliveries);
        Assert.Empty(sink.Deliveries);
    }
    [Fact]
    public async Task PublishAsync_NoAlerts_CallsNoSink()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var result = await PublishNowAsync(pipeline, []);

        Assert.Empty(result.Raised);
        Assert.Empty(result.Deliveries);
        Assert.Empty(sink.Deliveries);
    }
}
