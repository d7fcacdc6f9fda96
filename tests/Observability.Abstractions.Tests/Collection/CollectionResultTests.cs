namespace Observability.Abstractions.Tests.Collection;

public sealed class CollectionResultTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Success_NoSnapshots_IsNoData()
    {
        var result = CollectionResult.Success("prometheus", []);

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.NoData, error.Kind);
        Assert.Equal("prometheus", result.CollectorName);
    }

    [Fact]
    public void Success_Snapshots_IsSuccessWithoutErrors()
    {
        var result = CollectionResult.Success("prometheus", [Snapshot(T0, "a")]);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.True(result.HasData);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Success_UnorderedSnapshots_SortsByTimestampStably()
    {
        var snapshots = new[]
        {
            Snapshot(T0.AddMinutes(20), "late"),
            Snapshot(T0, "first-of-tie"),
            Snapshot(T0.AddMinutes(10), "middle"),
            Snapshot(T0, "second-of-tie"),
        };

        var result = CollectionResult.Success("file", snapshots);

        Assert.Equal(["first-of-tie", "second-of-tie", "middle", "late"], result.Snapshots.Select(static s => s.Source));
    }

    [Fact]
    public void Success_SourceListChangedAfterwards_KeepsOriginalSnapshots()
    {
        var snapshots = new List<MetricSnapshot> { Snapshot(T0, "a") };
        var result = CollectionResult.Success("file", snapshots);

        snapshots.Add(Snapshot(T0.AddMinutes(1), "b"));

        Assert.Single(result.Snapshots);
    }

    [Fact]
    public void Partial_NoErrors_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CollectionResult.Partial("file", [Snapshot(T0, "a")], []));

        Assert.Equal("errors", ex.ParamName);
    }

    [Fact]
    public void Partial_WithErrors_KeepsSortedSnapshotsAndErrors()
    {
        var error = new CollectionError(CollectionErrorKind.InvalidData, "not a number", "line 3, field 'error_rate'");

        var result = CollectionResult.Partial("file", [Snapshot(T0.AddMinutes(5), "b"), Snapshot(T0, "a")], [error]);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal(["a", "b"], result.Snapshots.Select(static s => s.Source));
        Assert.Equal(error, Assert.Single(result.Errors));
    }

    [Fact]
    public void Failed_KeepsErrorAndHasNoData()
    {
        var error = new CollectionError(CollectionErrorKind.Unreachable, "connection refused");

        var result = CollectionResult.Failed("prometheus", error);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.False(result.HasData);
        Assert.Same(error, Assert.Single(result.Errors));
    }

    [Fact]
    public void Factories_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => CollectionResult.Success(" ", [Snapshot(T0, "a")]));
        Assert.Throws<ArgumentNullException>(() => CollectionResult.Success("file", null!));
        Assert.Throws<ArgumentNullException>(() => CollectionResult.Partial("file", [], null!));
        Assert.Throws<ArgumentNullException>(() => CollectionResult.Failed("file", null!));
    }

    [Fact]
    public void CollectionError_ToString_IncludesLocationWhenKnown()
    {
        Assert.Equal("InvalidData at line 3: bad value", new CollectionError(CollectionErrorKind.InvalidData, "bad value", "line 3").ToString());
        Assert.Equal("Timeout: slow", new CollectionError(CollectionErrorKind.Timeout, "slow").ToString());
    }

    private static MetricSnapshot Snapshot(DateTimeOffset timestamp, string source)
        => new(timestamp, source, [KeyValuePair.Create(WellKnownMetrics.ErrorRate, 0.01)]);
}
