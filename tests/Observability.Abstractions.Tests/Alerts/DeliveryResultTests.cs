namespace Observability.Abstractions.Tests.Alerts;

public sealed class DeliveryResultTests
{
    [Fact]
    public void Delivered_Succeeds()
    {
        var result = DeliveryResult.Delivered("discord", 3, 204);

        Assert.True(result.Succeeded);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("discord", result.SinkName);
        Assert.Equal(3, result.AlertCount);
        Assert.Equal(204, result.StatusCode);
        Assert.Null(result.Error);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public void Failed_CarriesErrorAndDoesNotSucceed()
    {
        var result = DeliveryResult.Failed("discord", 2, "HTTP 500", 500);

        Assert.False(result.Succeeded);
        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("HTTP 500", result.Error);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(2, result.AlertCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Failed_BlankError_Throws(string error)
    {
        Assert.Throws<ArgumentException>(() => DeliveryResult.Failed("discord", 1, error));
    }

    [Fact]
    public void Throttled_CarriesRetryAfterAndDoesNotSucceed()
    {
        var result = DeliveryResult.Throttled("discord", 4, TimeSpan.FromSeconds(30), 429);

        Assert.False(result.Succeeded);
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Equal(429, result.StatusCode);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Skipped_CarriesReasonAndDoesNotSucceed()
    {
        var result = DeliveryResult.Skipped("github", 1, "severity not routed here");

        Assert.False(result.Succeeded);
        Assert.Equal(DeliveryStatus.Skipped, result.Status);
        Assert.Equal("severity not routed here", result.Error);
    }

    [Fact]
    public void Factories_BlankSinkName_Throw()
    {
        Assert.Throws<ArgumentException>(() => DeliveryResult.Delivered(" ", 1));
        Assert.Throws<ArgumentNullException>(() => DeliveryResult.Failed(null!, 1, "x"));
        Assert.Throws<ArgumentException>(() => DeliveryResult.Throttled("", 1, null));
        Assert.Throws<ArgumentException>(() => DeliveryResult.Skipped(" ", 1, "x"));
    }

    [Fact]
    public void ToString_ShowsSinkStatusAndError()
    {
        Assert.Equal("log: Delivered (2 alerts)", DeliveryResult.Delivered("log", 2).ToString());
        Assert.Equal("discord: Failed (1 alerts): HTTP 500", DeliveryResult.Failed("discord", 1, "HTTP 500").ToString());
    }
}
