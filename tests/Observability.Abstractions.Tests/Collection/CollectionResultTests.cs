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
    public void Warnings_ByDefault_AreEmpty()
    {
        Assert.Empty(CollectionResult.Success("prometheus", [Snapshot(T0, "a")]).Warnings);
        Assert.Empty(CollectionResult.NoData("prometheus", "nothing").Warnings);
        Assert.Empty(CollectionResult.Failed("prometheus", new CollectionError(CollectionErrorKind.Timeout, "slow")).Warnings);
    }

    [Fact]
    public void WithWarnings_ReturnsACopyWithTheWarningsAppendedAndLeavesTheOriginalAlone()
    {
        var error = new CollectionError(CollectionErrorKind.NoData, "b was empty", "b");
        var original = CollectionResult.Partial("prometheus", [Snapshot(T0, "a")], [error]);

        var once = original.WithWarnings(["a: first"]);
        var twice = once.WithWarnings(["a: second", "b: third"]);

        Assert.NotSame(original, once);
        Assert.Empty(original.Warnings);
        Assert.Equal(["a: first"], once.Warnings);
        Assert.Equal(["a: first", "a: second", "b: third"], twice.Warnings);
        // Everything else is carried over unchanged.
        Assert.Equal((CollectionStatus.Partial, "prometheus"), (twice.Status, twice.CollectorName));
        Assert.Same(original.Snapshots, twice.Snapshots);
        Assert.Same(error, Assert.Single(twice.Errors));
        Assert.Equal("prometheus: Partial, 1 snapshots, 1 errors, 3 warnings", twice.ToString());
        Assert.Equal("prometheus: Partial, 1 snapshots, 1 errors", original.ToString());
    }

    [Fact]
    public void WithWarnings_Nothing_ReturnsTheSameInstance()
    {
        var result = CollectionResult.Success("prometheus", [Snapshot(T0, "a")]);

        Assert.Same(result, result.WithWarnings([]));
    }

    [Fact]
    public void WithWarnings_NullOrBlank_Throws()
    {
        var result = CollectionResult.Success("prometheus", [Snapshot(T0, "a")]);

        Assert.Equal("warnings", Assert.Throws<ArgumentNullException>(() => result.WithWarnings(null!)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => result.WithWarnings(["fine", " "]));
        Assert.Equal("warnings", ex.ParamName);
        Assert.Contains("position 1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => result.WithWarnings([null!]));
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
