using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability.Internal;
using static Observability.Core.Tests.Canary.CanaryTestData;

namespace Observability.Core.Tests.Canary;

/// <summary>Defaults, validation, argument guards and configuration binding of the canary analysis.</summary>
public sealed class CanaryAnalysisOptionsTests
{
    [Fact]
    public void Defaults_AreKayentaLike()
    {
        var options = new CanaryAnalysisOptions();
        var metric = new CanaryMetricConfig();

        Assert.Equal((0.98, 95.0, 75.0), (options.Confidence, options.PassThreshold, options.MarginalThreshold));
        Assert.Equal((CanaryMetricConfig.DefaultGroup, CanaryDirection.Either, false, false), (metric.Group, metric.Direction, metric.Critical, metric.MustHaveData));
        Assert.Equal((1.0, 1.0, 5), (metric.AllowedIncrease, metric.AllowedDecrease, metric.MinimumSamples));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new CanaryAnalysisOptions { Confidence = 1, PassThreshold = 80, MarginalThreshold = 90 };
        options.Metrics.Add(new CanaryMetricConfig { Name = "latency", AllowedIncrease = 0.5, AllowedDecrease = 1.5, MinimumSamples = 0 });
        options.Metrics.Add(new CanaryMetricConfig { Name = "latency", Group = " " });
        options.Metrics.Add(new CanaryMetricConfig { Name = "", Direction = (CanaryDirection)7 });
        options.GroupWeights["default"] = 80;
        options.GroupWeights["perf"] = 40;
        options.GroupWeights["bad"] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => new CanaryAnalyzer(options));

        Assert.Equal("options", error.ParamName);
        string[] expected =
        [
            "Confidence must lie strictly between 0 and 1 (was 1).",
            "MarginalThreshold must lie in [0, PassThreshold] (was 90, PassThreshold 80).",
            "Metrics[0] (latency):AllowedIncrease must be a finite ratio of at least 1 (was 0.5).",
            "Metrics[0] (latency):AllowedDecrease must be a ratio in [0, 1] (was 1.5).",
            "Metrics[0] (latency):MinimumSamples must be at least 1 (was 0).",
            "Metrics[1] (latency):Name is a duplicate; metric names must be unique.",
            "Metrics[1] (latency):Group must not be empty.",
            "Metrics[2]:Name is required.",
            "Metrics[2] ():Direction 7 is not a CanaryDirection.",
            "GroupWeights:perf names a group that no metric belongs to.",
            "GroupWeights:bad must be a finite weight of at least 0 (was NaN).",
            "GroupWeights must sum to at most 100 (was 120).",
        ];
        Assert.All(expected, problem => Assert.Contains(problem, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_ValidOptions_Succeeds_InvalidFailsWithEveryProblem()
    {
        var validator = new CanaryAnalysisOptionsValidator();
        var bad = new CanaryAnalysisOptions { PassThreshold = 101, Confidence = 0 };

        Assert.True(validator.Validate(null, new CanaryAnalysisOptions()).Succeeded);
        var result = validator.Validate(null, bad);
        Assert.True(result.Failed);
        // Marginal 75 still lies in [0, 101], so two problems: the confidence and the pass threshold.
        Assert.Equal(
            ["Confidence must lie strictly between 0 and 1 (was 0).", "PassThreshold must lie in [0, 100] (was 101)."],
            result.Failures!);
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
        => Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new CanaryAnalyzer(null!)).ParamName);

    [Fact]
    public void Analyze_NullArguments_ThrowNamingTheParameter()
    {
        var analyzer = Analyzer([Metric("m")]);

        Assert.Equal("baseline", Assert.Throws<ArgumentNullException>(() => analyzer.Analyze(null!, Samples())).ParamName);
        Assert.Equal("canary", Assert.Throws<ArgumentNullException>(() => analyzer.Analyze(Samples(), null!)).ParamName);
        var error = Assert.Throws<ArgumentException>(() => analyzer.Analyze(Samples(), new Dictionary<string, IReadOnlyList<double>> { ["latency"] = null! }));
        Assert.Equal("canary", error.ParamName);
        Assert.Contains("The canary samples of metric 'latency' are null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesOptions_LaterChangesHaveNoEffect()
    {
        var options = new CanaryAnalysisOptions();
        var metric = Metric("m");
        options.Metrics.Add(metric);
        var analyzer = new CanaryAnalyzer(options);

        metric.Direction = CanaryDirection.Decrease; // would turn the High below into a pass
        options.PassThreshold = 0;
        var report = analyzer.Analyze(Samples(("m", Low)), Samples(("m", Shifted)));

        Assert.False(report.Metrics[0].Passed);
        Assert.Equal(95, report.PassThreshold);
    }

    [Fact]
    public void Bind_FromConfiguration_FillsMetricsAndWeights()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Canary:Confidence"] = "0.95",
            ["Canary:Metrics:0:Name"] = "latency_p99_ms",
            ["Canary:Metrics:0:Group"] = "latency",
            ["Canary:Metrics:0:Direction"] = "Increase",
            ["Canary:Metrics:0:Critical"] = "true",
            ["Canary:Metrics:0:AllowedIncrease"] = "1.2",
            ["Canary:GroupWeights:latency"] = "70",
        }).Build();
        var options = new CanaryAnalysisOptions();

        configuration.GetSection("Canary").Bind(options);

        Assert.Equal(0.95, options.Confidence);
        var metric = Assert.Single(options.Metrics);
        Assert.Equal(("latency_p99_ms", "latency", CanaryDirection.Increase, true, 1.2), (metric.Name, metric.Group, metric.Direction, metric.Critical, metric.AllowedIncrease));
        Assert.Equal(70, options.GroupWeights["latency"]);
        Assert.Empty(CanaryAnalysisOptionsValidator.Problems(options));
    }
}
