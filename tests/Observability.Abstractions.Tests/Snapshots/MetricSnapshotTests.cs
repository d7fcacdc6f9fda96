namespace Observability.Abstractions.Tests.Snapshots;

public sealed class MetricSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_SourceDictionaryChangedAfterwards_KeepsOriginalValues()
    {
        var metrics = new Dictionary<string, double> { ["error_rate"] = 0.01 };
        var snapshot = new MetricSnapshot(T0, "prometheus", metrics);

        metrics["error_rate"] = 0.9;
        metrics["latency_p99_ms"] = 800;

        Assert.Equal(0.01, snapshot.Metrics["error_rate"]);
        Assert.Single(snapshot.Metrics);
        Assert.Equal(T0, snapshot.Timestamp);
        Assert.Equal("prometheus", snapshot.Source);
    }

    [Fact]
    public void Constructor_DuplicateNames_LastValueWins()
    {
        var snapshot = new MetricSnapshot(T0, "file", [KeyValuePair.Create("error_rate", 0.1), KeyValuePair.Create("error_rate", 0.2)]);

        Assert.Equal(0.2, snapshot.GetValue("error_rate"));
    }

    [Fact]
    public void Constructor_NoValuesAndNoQuality_IsEmpty()
    {
        var snapshot = new MetricSnapshot(T0, "file", []);

        Assert.Equal(DataQualityStatus.Empty, snapshot.Quality.Status);
        Assert.False(snapshot.Quality.IsUsable);
        Assert.NotNull(snapshot.Quality.Reason);
        Assert.Empty(snapshot.Metrics);
    }

    [Fact]
    public void Constructor_ValuesAndNoQuality_IsComplete()
    {
        var snapshot = new MetricSnapshot(T0, "file", [KeyValuePair.Create("error_rate", 0.01)]);

        Assert.Equal(DataQualityStatus.Complete, snapshot.Quality.Status);
        Assert.True(snapshot.Quality.IsUsable);
        Assert.Null(snapshot.Quality.Reason);
    }

    [Fact]
    public void Constructor_ExplicitQuality_IsKept()
    {
        var snapshot = new MetricSnapshot(T0, "file", [KeyValuePair.Create("error_rate", 0.01)], DataQuality.Partial("latency missing"));

        Assert.Equal(DataQualityStatus.Partial, snapshot.Quality.Status);
        Assert.Equal("latency missing", snapshot.Quality.Reason);
        Assert.True(snapshot.Quality.IsUsable);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void GetValue_NonFiniteValue_ReturnsNull(double value)
    {
        var snapshot = new MetricSnapshot(T0, "file", [KeyValuePair.Create("error_rate", value)]);

        Assert.Null(snapshot.GetValue("error_rate"));
        Assert.True(snapshot.Metrics.ContainsKey("error_rate"));
    }

    [Fact]
    public void GetValue_MissingOrPresent_ReturnsNullOrValue()
    {
        var snapshot = new MetricSnapshot(T0, "file", [KeyValuePair.Create("error_rate", 0.0)]);

        Assert.Equal(0.0, snapshot.GetValue("error_rate"));
        Assert.Null(snapshot.GetValue("latency_p99_ms"));
        Assert.Null(snapshot.GetValue("Error_Rate"));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new MetricSnapshot(T0, " ", []));
        Assert.Throws<ArgumentNullException>(() => new MetricSnapshot(T0, null!, []));
        Assert.Throws<ArgumentNullException>(() => new MetricSnapshot(T0, "file", null!));
        Assert.Throws<ArgumentException>(() => new MetricSnapshot(T0, "file", [KeyValuePair.Create(" ", 1.0)]));
    }

    [Fact]
    public void CreateEmpty_KeepsReason()
    {
        var snapshot = MetricSnapshot.CreateEmpty(T0, "prometheus", "no samples");

        Assert.Equal(DataQuality.Empty("no samples"), snapshot.Quality);
        Assert.Empty(snapshot.Metrics);
        Assert.Equal("prometheus", snapshot.Source);
    }

    [Fact]
    public void ToString_ShowsSourceCountAndStatusButNoValues()
    {
        var snapshot = new MetricSnapshot(T0, "prometheus", [KeyValuePair.Create("error_rate", 0.0123)]);

        var text = snapshot.ToString();

        Assert.Contains("prometheus", text);
        Assert.Contains("1 metrics", text);
        Assert.Contains("Complete", text);
        Assert.DoesNotContain("0.0123", text);
    }

    [Fact]
    public void DataQuality_Factories_SetStatusAndUsability()
    {
        Assert.Equal((DataQualityStatus.Failed, false), (DataQuality.Failed("x").Status, DataQuality.Failed("x").IsUsable));
        Assert.Equal((DataQualityStatus.Empty, false), (DataQuality.Empty("x").Status, DataQuality.Empty("x").IsUsable));
        Assert.Equal("Failed: timeout", DataQuality.Failed("timeout").ToString());
        Assert.Equal("Complete", DataQuality.Complete.ToString());
    }
}
