using Observability.Internal;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>The small pieces under the sink: truncation, budget sharing, retry-after and error reading, webhook URLs.</summary>
public sealed class DiscordInternalsTests
{
    [Theory]
    [InlineData("  abc  ", 3, "abc")] // trimmed first: fits exactly
    [InlineData("abcd", 3, "ab…")]
    [InlineData("ab   cd", 4, "ab…")] // no trailing blank before the ellipsis
    [InlineData("a", 1, "a")]
    public void Truncate_CutsToTheLimitWithAnEllipsis(string text, int max, string expected)
        => Assert.Equal(expected, DiscordText.Truncate(text, max));

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        // "a🔴b" is 4 UTF-16 units; at 3 the cut would fall inside the emoji, so it keeps "a" and the ellipsis.
        Assert.Equal("a…", DiscordText.Truncate("a🔴b", 3));
    }

    [Fact]
    public void ShareBudget_ShortTextsKeepTheirLength_LongOnesShareTheRest()
    {
        // Budget 100 over lengths 10, 200, 300: 10 stays; the other two share 90 -> 45 each (10 + 45 + 45 = 100).
        Assert.Equal([10, 45, 45], DiscordText.ShareBudget([10, 200, 300], 100));
        Assert.Equal([10, 20], DiscordText.ShareBudget([10, 20], 30)); // fits exactly: unchanged
    }

    [Theory]
    [InlineData(0.5, null, 0.5)]
    [InlineData(64.57, 65.0, 64.57)]
    [InlineData(1000.0, null, 1000.0)] // exactly 1000 is still seconds
    [InlineData(1500.0, null, 1.5)] // over 1000: milliseconds
    [InlineData(1500.0, 65.0, 1.5)]
    [InlineData(1336.57, 1337.0, 1336.57)] // the header agrees (within 1 s): seconds
    public void RetryAfter_BodySecondsUnlessOver1000WithoutAnAgreeingHeader(double body, double? header, double expected)
    {
        var wait = DiscordResponse.RetryAfter(body, header is { } h ? TimeSpan.FromSeconds(h) : null, TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.FromSeconds(expected), wait);
    }

    [Fact]
    public void Describe_NonJsonOrEmpty_IsNull()
    {
        Assert.Null(DiscordResponse.Describe("<html>"));
        Assert.Null(DiscordResponse.Describe(""));
        Assert.Null(DiscordResponse.Describe("[1]"));
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123/abc", "https://discord.com/api/v10/webhooks/123/abc?wait=true")]
    [InlineData("https://discord.com/api/v9/webhooks/123/abc?thread_id=7", "https://discord.com/api/v9/webhooks/123/abc?wait=true&thread_id=7")]
    [InlineData("https://discord.com/api/webhooks/123/abc/?wait=false", "https://discord.com/api/v10/webhooks/123/abc?wait=true")]
    public void Webhook_IsVersionedAndWaits(string url, string expected)
    {
        var webhook = DiscordWebhook.Parse(new Uri(url), null);

        Assert.Equal(expected, webhook.ExecuteUri.ToString());
        Assert.Equal(123UL, webhook.Id);
        Assert.Equal("abc", webhook.Token);
    }

    [Fact]
    public void Webhook_ThreadIdOption_ReplacesTheUrlsThread()
        => Assert.Equal(
            "https://discord.com/api/v10/webhooks/123/abc?wait=true&thread_id=9",
            DiscordWebhook.Parse(new Uri("https://discord.com/api/webhooks/123/abc?thread_id=7"), 9).ExecuteUri.ToString());

    [Theory]
    [InlineData(1, 6000)] // a lone alert may use the whole message
    [InlineData(2, 3000)] // 6,000 / 2
    [InlineData(3, 2000)] // 6,000 / 3
    [InlineData(4, 2000)] // 6,000 / 4 = 1,500, raised to the 2,000 floor
    [InlineData(30, 2000)] // 6,000 / min(30, 10) = 600, raised to 2,000
    public void EmbedBudget_SharesTheMessageAmongTheGroup(int alerts, int budget)
        => Assert.Equal(budget, DiscordMessagePlanner.EmbedBudget(alerts));
}
