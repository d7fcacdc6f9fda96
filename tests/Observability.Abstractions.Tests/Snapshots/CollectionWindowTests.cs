namespace Observability.Abstractions.Tests.Snapshots;

public sealed class CollectionWindowTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_EndEqualToStart_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CollectionWindow(T0, T0));

        Assert.Equal("end", ex.ParamName);
    }

    [Fact]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CollectionWindow(T0, T0.AddTicks(-1)));
    }

    [Fact]
    public void Constructor_ValidRange_KeepsBoundsAndDuration()
    {
        var window = new CollectionWindow(T0, T0.AddHours(2));

        Assert.Equal(T0, window.Start);
        Assert.Equal(T0.AddHours(2), window.End);
        Assert.Equal(TimeSpan.FromHours(2), window.Duration);
    }

    [Fact]
    public void Contains_HalfOpenRange_IncludesStartAndExcludesEnd()
    {
        var window = new CollectionWindow(T0, T0.AddHours(1));

        Assert.True(window.Contains(T0));
        Assert.True(window.Contains(T0.AddHours(1).AddTicks(-1)));
        Assert.False(window.Contains(T0.AddHours(1)));
        Assert.False(window.Contains(T0.AddTicks(-1)));
    }

    [Fact]
    public void Contains_OtherOffset_ComparesInstants()
    {
        var window = new CollectionWindow(T0, T0.AddHours(1));
        var sameInstantInParis = new DateTimeOffset(2025, 1, 6, 13, 30, 0, TimeSpan.FromHours(1));

        Assert.True(window.Contains(sameInstantInParis));
    }

    [Fact]
    public void Ending_Length_EndsAtEnd()
    {
        var window = CollectionWindow.Ending(T0, TimeSpan.FromHours(24));

        Assert.Equal(T0.AddHours(-24), window.Start);
        Assert.Equal(T0, window.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Ending_NonPositiveLength_Throws(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CollectionWindow.Ending(T0, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Equality_SameBounds_AreEqual()
    {
        Assert.Equal(new CollectionWindow(T0, T0.AddHours(1)), CollectionWindow.Ending(T0.AddHours(1), TimeSpan.FromHours(1)));
        Assert.NotEqual(new CollectionWindow(T0, T0.AddHours(1)), new CollectionWindow(T0, T0.AddHours(2)));
    }
}
