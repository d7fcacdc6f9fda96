using System.Text.Json;

namespace Observability.Core.Tests.Advice;

/// <summary>The results are plain records that reports can serialize, and features can come from JSON.</summary>
public sealed class AdviceJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RollbackAdvice_RoundTripsThroughJson()
    {
        var advice = new RollbackAdvisor().Observe(new RolloutObservation(T0) { ErrorRate = 0.08, JobCount = 11 });

        var json = JsonSerializer.Serialize(advice);
        var back = JsonSerializer.Deserialize<RollbackAdvice>(json)!;

        Assert.Contains("\"Rule\":\"rollback_error_rate\"", json, StringComparison.Ordinal);
        Assert.Equal((advice.Decision, advice.Summary, advice.TrippedAt), (back.Decision, back.Summary, back.TrippedAt));
        Assert.Equal(advice.Reasons, back.Reasons);
    }

    [Fact]
    public void RegressionClassificationAndCostAnomaly_Serialize()
    {
        var classification = new RuleBasedRegressionClassifier().Classify(new RegressionFeatures { CpuDeltaPercent = 40 });
        var cost = new CostAnomalyDetector().Evaluate(100m, 160m);

        var classificationJson = JsonSerializer.Serialize(classification);
        var costJson = JsonSerializer.Serialize(cost);

        Assert.Contains("\"Name\":\"cpu_delta_percent\",\"Value\":40,\"Weight\":2", classificationJson, StringComparison.Ordinal);
        Assert.Contains("\"VariancePercent\":60", costJson, StringComparison.Ordinal);
        Assert.Contains("\"IsAnomaly\":true", costJson, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionFeatures_FromJson_ValidatesOnTheWayIn()
    {
        var features = JsonSerializer.Deserialize<RegressionFeatures>("""{"LatencyDeltaPercent":45,"ConfigChanged":true,"DeploymentAge":"01:30:00"}""")!;

        Assert.Equal(45, features.LatencyDeltaPercent);
        Assert.Equal(TimeSpan.FromMinutes(90), features.DeploymentAge);
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Deserialize<RegressionFeatures>("""{"ErrorRateDelta":3}"""));
    }
}
