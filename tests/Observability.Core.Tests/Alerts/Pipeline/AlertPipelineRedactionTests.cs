using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Redaction and fingerprints: what a sink receives.</summary>
public sealed class AlertPipelineRedactionTests : AlertPipelineTestBase
{
    [Fact]
    public async Task PublishAsync_AlertWithSecrets_SinkNeverSeesThem()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        var alert = CreateAlert() with
        {
            Message = "deploy called the API with token=tok-message-9911",
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["api_key"] = "key-label-8822", ["note"] = "password=pw-labelval-7733" },
            Context = new Dictionary<string, object?>
            {
                ["region"] = "eu-west-1",
                ["client_secret"] = "sec-context-6644",
                ["request"] = new Dictionary<string, object?> { ["headers"] = new List<object?> { new Dictionary<string, object?> { ["Authorization"] = "Bearer bear-nested-5555" } } },
            },
        };

        var result = await PublishNowAsync(pipeline, [alert]);

        var delivered = Assert.Single(sink.Alerts);
        var everything = AllText(delivered);
        Assert.DoesNotContain("tok-message", everything);
        Assert.DoesNotContain("key-label", everything);
        Assert.DoesNotContain("pw-labelval", everything);
        Assert.DoesNotContain("sec-context", everything);
        Assert.DoesNotContain("bear-nested", everything);
        Assert.Equal("***9911", delivered.Message[^7..]);
        Assert.Equal("eu-west-1", delivered.Context["region"]);
        Assert.DoesNotContain("tok-message", AllText(Assert.Single(result.Raised)));
    }

    [Fact]
    public async Task PublishAsync_DeliveredAlert_CarriesConditionFingerprint()
    {
        var sink = new RecordingAlertSink();
        var provider = BuildProvider(sink);
        var pipeline = provider.GetRequiredService<AlertPipeline>();
        var alert = CreateAlert();

        await PublishNowAsync(pipeline, [alert]);

        var delivered = Assert.Single(sink.Alerts);
        Assert.Matches("^[0-9a-f]{64}$", delivered.Fingerprint);
        var expected = new AlertFingerprinter(new AlertingOptions()).Compute(alert);
        Assert.Equal(expected, delivered.Fingerprint);
    }

    [Fact]
    public async Task PublishAsync_AlertWithFingerprint_KeepsIt()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        await PublishNowAsync(pipeline, [CreateAlert() with { Fingerprint = "custom-fingerprint" }]);

        Assert.Equal("custom-fingerprint", Assert.Single(sink.Alerts).Fingerprint);
    }
}
