namespace Observability.Core.Tests.Advice;

public sealed class RegressionFeaturesTests
{
    /// <summary>Every feature measured and within its tolerance, no change in context.</summary>
    internal static RegressionFeatures AllWithinTolerance { get; } = new()
    {
        LatencyDeltaPercent = 5,
        ErrorRateDelta = 0.001,
        ThroughputDeltaPercent = 2,
        QueueDepthDeltaPercent = 10,
        QueueWaitDeltaMs = 20,
        ErrorSpike = false,
        CpuDeltaPercent = 3,
        MemoryDeltaPercent = 4,
        DiskIoDeltaPercent = 5,
        GcPauseDeltaPercent = 6,
        ExternalApiLatencyDeltaPercent = 7,
        DatabaseLatencyDeltaPercent = 8,
        TimeoutRateDelta = 0.001,
        RetryRateDelta = 0.002,
        NetworkErrorRateDelta = 0.0001,
        CacheHitRateDelta = 0.01,
        DeploymentAge = TimeSpan.FromMinutes(90),
        ConfigChanged = false,
        DependencyChanged = false,
        InfrastructureChanged = true,
    };

    [Fact]
    public void ToVector_GivesTwentyNamedValuesInTheOrderOfFeatureNames()
    {
        var vector = AllWithinTolerance.ToVector();

        Assert.Equal(20, vector.Count);
        Assert.Equal(RegressionFeatures.FeatureNames, vector.Select(v => v.Name));
        Assert.Equal(20, RegressionFeatures.FeatureNames.Distinct().Count());
        Assert.Equal(new RegressionFeatureValue("latency_delta_percent", 5), vector[0]);
        Assert.Equal(new RegressionFeatureValue("error_spike", 0), vector[5]);                 // false -> 0
        Assert.Equal(new RegressionFeatureValue("deployment_age_hours", 1.5), vector[16]);     // 90 min -> 1.5 h
        Assert.Equal(new RegressionFeatureValue("infrastructure_changed", 1), vector[19]);     // true -> 1
    }

    [Fact]
    public void ToVector_UnmeasuredFeatures_StayNull()
    {
        var vector = new RegressionFeatures { CpuDeltaPercent = 12 }.ToVector();

        Assert.Equal(12, Assert.Single(vector, v => v.Value is not null).Value);
        Assert.Equal("cpu_delta_percent", vector[6].Name);
    }

    [Fact]
    public void Init_OutOfRangeValues_ThrowNamingTheFeatureAndValue()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionFeatures { LatencyDeltaPercent = double.NaN });
        Assert.Equal("LatencyDeltaPercent", nan.ParamName);
        Assert.Contains("LatencyDeltaPercent must be a finite number of at least -100 (was NaN)", nan.Message, StringComparison.Ordinal);

        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionFeatures { ErrorRateDelta = 1.5 });
        Assert.Equal("ErrorRateDelta", rate.ParamName);
        Assert.Contains("must lie in [-1, 1] (was 1.5); a change of a ratio lies in [-1, 1]; 0.02 means 2 percentage points.", rate.Message, StringComparison.Ordinal);

        Assert.Equal("ThroughputDeltaPercent", Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionFeatures { ThroughputDeltaPercent = -101 }).ParamName);
        Assert.Equal("QueueWaitDeltaMs", Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionFeatures { QueueWaitDeltaMs = double.PositiveInfinity }).ParamName);
        Assert.Equal("DeploymentAge", Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionFeatures { DeploymentAge = TimeSpan.FromMinutes(-1) }).ParamName);
        Assert.Equal("CacheHitRateDelta", Assert.Throws<ArgumentOutOfRangeException>(() => AllWithinTolerance with { CacheHitRateDelta = -2 }).ParamName);
    }

    [Fact]
    public void Init_FloorAndNegativeQueueWait_AreAccepted()
    {
        var features = new RegressionFeatures { ThroughputDeltaPercent = -100, QueueWaitDeltaMs = -250, TimeoutRateDelta = -1 };

        Assert.Equal(-100, features.ThroughputDeltaPercent);
        Assert.Equal(-250, features.QueueWaitDeltaMs);
    }
}
