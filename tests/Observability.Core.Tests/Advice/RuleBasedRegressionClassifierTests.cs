namespace Observability.Core.Tests.Advice;

public sealed class RuleBasedRegressionClassifierTests
{
    private static readonly RuleBasedRegressionClassifier Classifier = new();

    [Fact]
    public void Classify_CpuUpOnAYoungDeploymentWithHealthyDependencies_IsAPerformanceRegression()
    {
        var features = new RegressionFeatures
        {
            LatencyDeltaPercent = 45,       // symptom
            ErrorRateDelta = 0.02,          // symptom
            CpuDeltaPercent = 35,           // release signal, 2 points
            MemoryDeltaPercent = 10,        // within +20 %
            DeploymentAge = TimeSpan.FromHours(1),   // young: 1 point
            ExternalApiLatencyDeltaPercent = 5,      // within +30 %
            DatabaseLatencyDeltaPercent = 2,         // so "dependencies normal while latency up": 1 point
        };

        var result = Classifier.Classify(features);

        // performance 2 + 1 + 1 = 4, environment 0: (4 + 1) / (4 + 0 + 2) = 0.833
        Assert.Equal(RegressionKind.PerformanceRegression, result.Kind);
        Assert.Equal(0.833, result.Confidence);
        Assert.Equal(
            ["cpu_delta_percent", "deployment_age_hours", "dependencies_normal_while_latency_up", "latency_delta_percent", "error_rate_delta"],
            result.ContributingFactors.Select(f => f.Name));
        var cpu = result.ContributingFactors[0];
        Assert.Equal((35.0, 2.0, RegressionKind.PerformanceRegression), (cpu.Value!.Value, cpu.Weight, cpu.Supports!.Value));
        Assert.Equal("+35 %, above the tolerance of +20 %", cpu.Evidence);
        Assert.Null(result.ContributingFactors[3].Supports); // a symptom argues for neither kind
        Assert.Equal(
            "Performance regression (confidence 0.833): 2 symptom(s) (latency_delta_percent, error_rate_delta); release evidence 4 point(s) (cpu_delta_percent 2, deployment_age_hours 1, dependencies_normal_while_latency_up 1) against environment evidence 0 (none).",
            result.Reason);
    }

    [Fact]
    public void Classify_SlowExternalApiWithTimeoutsOnASettledDeployment_IsAnEnvironmentRegression()
    {
        var features = new RegressionFeatures
        {
            LatencyDeltaPercent = 60,                 // symptom
            TimeoutRateDelta = 0.03,                  // 1
            RetryRateDelta = 0.05,                    // 1
            ExternalApiLatencyDeltaPercent = 120,     // 2
            CpuDeltaPercent = 3,                      // own CPU normal while the API is slow: 1
            DeploymentAge = TimeSpan.FromDays(5),     // settled (> 72 h): 1
            ConfigChanged = false,
            DependencyChanged = true,                 // 1
        };

        var result = Classifier.Classify(features);

        // environment 2 + 1 + 1 + 1 + 1 + 1 = 7, performance 0: (7 + 1) / (7 + 0 + 2) = 0.889
        Assert.Equal(RegressionKind.EnvironmentRegression, result.Kind);
        Assert.Equal(0.889, result.Confidence);
        Assert.Equal(7, result.ContributingFactors.Where(f => f.Supports == RegressionKind.EnvironmentRegression).Sum(f => f.Weight));
        Assert.Equal("external_api_latency_delta_percent", result.ContributingFactors[0].Name);
        Assert.Contains(result.ContributingFactors, f => f.Name == "cpu_normal_while_dependencies_slow" && f.Value == 3);
        Assert.Contains(result.ContributingFactors, f => f.Name == "deployment_age_hours" && f.Value == 120);
        Assert.DoesNotContain(result.ContributingFactors, f => f.Name == "config_changed");
        Assert.Contains("+3 percentage points, above the tolerance of +1 percentage points", result.ContributingFactors.Single(f => f.Name == "timeout_rate_delta").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MoreReleaseThanEnvironmentEvidence_ConfidenceIsTheSmoothedShare()
    {
        var features = new RegressionFeatures
        {
            LatencyDeltaPercent = 25,
            CpuDeltaPercent = 30,      // performance 2
            MemoryDeltaPercent = 25,   // performance 2
            RetryRateDelta = 0.03,     // environment 1
            ConfigChanged = true,      // environment 1
        };

        var result = Classifier.Classify(features);

        // (4 + 1) / (4 + 2 + 2) = 0.625
        Assert.Equal(RegressionKind.PerformanceRegression, result.Kind);
        Assert.Equal(0.625, result.Confidence);
        Assert.Equal(["cpu_delta_percent", "memory_delta_percent", "latency_delta_percent", "retry_rate_delta", "config_changed"], result.ContributingFactors.Select(f => f.Name));
    }

    [Fact]
    public void Classify_SlowDatabasesOutweighMoreMemory_WithoutAnySymptom()
    {
        var features = new RegressionFeatures
        {
            ExternalApiLatencyDeltaPercent = 50,  // environment 2
            DatabaseLatencyDeltaPercent = 40,     // environment 2
            TimeoutRateDelta = 0.02,              // environment 1
            CpuDeltaPercent = 5,                  // own CPU normal: environment 1
            MemoryDeltaPercent = 30,              // performance 2
        };

        var result = Classifier.Classify(features);

        // (6 + 1) / (6 + 2 + 2) = 0.7
        Assert.Equal(RegressionKind.EnvironmentRegression, result.Kind);
        Assert.Equal(0.7, result.Confidence);
        Assert.Equal("memory_delta_percent", result.ContributingFactors[^1].Name); // the evidence against comes last
        Assert.Contains("no user-visible symptom", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ResourceSignalWithoutSymptom_IsStillAPerformanceRegression()
    {
        var result = Classifier.Classify(new RegressionFeatures { CpuDeltaPercent = 40 });

        // (2 + 1) / (2 + 0 + 2) = 0.75
        Assert.Equal(RegressionKind.PerformanceRegression, result.Kind);
        Assert.Equal(0.75, result.Confidence);
    }

    [Fact]
    public void Classify_SymptomWithoutAnyAttribution_TiesToPerformanceAtHalfConfidence()
    {
        var result = Classifier.Classify(new RegressionFeatures { LatencyDeltaPercent = 30 });

        // (0 + 1) / (0 + 0 + 2) = 0.5
        Assert.Equal(RegressionKind.PerformanceRegression, result.Kind);
        Assert.Equal(0.5, result.Confidence);
        Assert.EndsWith("A tie is attributed to the release, the cautious answer: a rollback can fix a release regression.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EqualEvidenceBothWays_TiesToPerformance()
    {
        var features = new RegressionFeatures
        {
            LatencyDeltaPercent = 30,
            CpuDeltaPercent = 25,             // performance 2 (and so CPU is not "normal")
            DatabaseLatencyDeltaPercent = 40, // environment 2 (and so dependencies are not "normal")
        };

        var result = Classifier.Classify(features);

        // (2 + 1) / (2 + 2 + 2) = 0.5
        Assert.Equal(RegressionKind.PerformanceRegression, result.Kind);
        Assert.Equal(0.5, result.Confidence);
        Assert.Contains("A tie", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5.9, RegressionKind.PerformanceRegression, 0.667)]  // young: performance 1, (1 + 1) / (1 + 2)
    [InlineData(6, RegressionKind.PerformanceRegression, 0.5)]      // exactly 6 h is not younger: a tie
    [InlineData(72, RegressionKind.PerformanceRegression, 0.5)]     // exactly 72 h is not older: a tie
    [InlineData(73, RegressionKind.EnvironmentRegression, 0.667)]   // settled: environment 1
    public void Classify_DeploymentAge_CountsOnlyBeyondItsBounds(double hours, RegressionKind kind, double confidence)
    {
        var result = Classifier.Classify(new RegressionFeatures { LatencyDeltaPercent = 30, DeploymentAge = TimeSpan.FromHours(hours) });

        Assert.Equal(kind, result.Kind);
        Assert.Equal(confidence, result.Confidence);
    }

    [Fact]
    public void Classify_EverythingWithinTolerance_IsBenignWithFullConfidence()
    {
        var result = Classifier.Classify(RegressionFeaturesTests.AllWithinTolerance);

        // all 16 behaviour features measured: 0.5 + 0.5 x 16 / 16 = 1
        Assert.Equal(RegressionKind.Benign, result.Kind);
        Assert.Equal(1.0, result.Confidence);
        Assert.Empty(result.ContributingFactors);
        // The fixture's infrastructure change is context: without a regression it is not counted.
        Assert.Equal(
            "Benign (confidence 1): the 16 measured behaviour features of 16 are within their tolerances. Context without a regression is not counted (infrastructure changed).",
            result.Reason);
    }

    [Fact]
    public void Classify_HalfMeasuredAndAConfigChange_IsBenignWithTheChangeNotCounted()
    {
        var features = new RegressionFeatures
        {
            LatencyDeltaPercent = 20,   // exactly the tolerance: within
            ErrorRateDelta = 0.01,      // exactly the tolerance: within
            ThroughputDeltaPercent = -20,
            QueueDepthDeltaPercent = 50,
            CpuDeltaPercent = 20,
            MemoryDeltaPercent = 20,
            ExternalApiLatencyDeltaPercent = 30,
            CacheHitRateDelta = -0.10,
            ConfigChanged = true,
        };

        var result = Classifier.Classify(features);

        // 8 of 16 measured: 0.5 + 0.5 x 8 / 16 = 0.75
        Assert.Equal(RegressionKind.Benign, result.Kind);
        Assert.Equal(0.75, result.Confidence);
        Assert.EndsWith("Context without a regression is not counted (config changed).", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20.01, RegressionKind.PerformanceRegression)]
    [InlineData(20, RegressionKind.Benign)]
    public void Classify_LatencyAtItsTolerance_OnlyAboveIsASymptom(double latency, RegressionKind kind)
    {
        var result = Classifier.Classify(new RegressionFeatures { LatencyDeltaPercent = latency });

        Assert.Equal(kind, result.Kind);
        if (kind == RegressionKind.Benign)
        {
            Assert.Equal(0.531, result.Confidence); // 0.5 + 0.5 x 1 / 16 = 0.53125
        }
    }

    [Fact]
    public void Classify_CacheHitRateDropBeyondTolerance_IsEnvironmentEvidence()
    {
        var result = Classifier.Classify(new RegressionFeatures { CacheHitRateDelta = -0.11 });

        // environment 1: (1 + 1) / (1 + 2) = 0.667
        Assert.Equal(RegressionKind.EnvironmentRegression, result.Kind);
        Assert.Equal(0.667, result.Confidence);
        Assert.Equal("-11 percentage points, below the tolerance of -10 percentage points", Assert.Single(result.ContributingFactors).Evidence);
    }

    [Fact]
    public void Classify_NothingMeasured_IsInsufficientDataWithZeroConfidence()
    {
        var empty = Classifier.Classify(new RegressionFeatures());
        var contextOnly = Classifier.Classify(new RegressionFeatures { DeploymentAge = TimeSpan.FromHours(1), ConfigChanged = true, DependencyChanged = true });

        Assert.Equal(RegressionKind.InsufficientData, empty.Kind);
        Assert.Equal(0, empty.Confidence);
        Assert.Empty(empty.ContributingFactors);
        Assert.StartsWith("Insufficient data: none of the 16 behaviour features", empty.Reason, StringComparison.Ordinal);
        Assert.Equal(RegressionKind.InsufficientData, contextOnly.Kind); // context alone cannot show a regression
        Assert.Throws<ArgumentNullException>("features", () => Classifier.Classify(null!));
    }

    [Fact]
    public void Classify_AsIClassifier_GivesTheSnakeCaseCategoryAndEvidence()
    {
        IClassifier<RegressionFeatures> generic = new RuleBasedRegressionClassifier();

        var result = generic.Classify(new RegressionFeatures { CpuDeltaPercent = 40 });

        Assert.Equal("performance_regression", result.Category);
        Assert.Equal(0.75, result.Confidence);
        Assert.Equal(["cpu_delta_percent: +40 %, above the tolerance of +20 %"], result.Evidence);
        Assert.Equal("insufficient_data", generic.Classify(new RegressionFeatures()).Category);
        Assert.Equal("benign", generic.Classify(new RegressionFeatures { CpuDeltaPercent = 1 }).Category);
        Assert.Equal("environment_regression", generic.Classify(new RegressionFeatures { DatabaseLatencyDeltaPercent = 90 }).Category);
    }

    [Fact]
    public void Classify_SameFeaturesTwice_GivesTheSameAnswer()
    {
        var features = new RegressionFeatures { LatencyDeltaPercent = 45, CpuDeltaPercent = 35, DatabaseLatencyDeltaPercent = 31, RetryRateDelta = 0.021 };

        var first = Classifier.Classify(features);
        var second = Classifier.Classify(features with { });

        Assert.Equal((first.Kind, first.Confidence, first.Reason), (second.Kind, second.Confidence, second.Reason));
        Assert.Equal(first.ContributingFactors, second.ContributingFactors);
    }
}
