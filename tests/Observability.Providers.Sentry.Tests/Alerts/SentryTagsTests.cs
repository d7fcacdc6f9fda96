using Observability.Internal;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>Sentry's tag limits at their exact boundaries: keys of 32 characters, values of 200.</summary>
public sealed class SentryTagsTests
{
    [Fact]
    public void Key_ExactlyThirtyTwo_IsKept_ThirtyThree_IsCut()
    {
        var key32 = new string('k', 32);

        Assert.Equal(key32, SentryTags.Key(key32));
        Assert.Equal(key32, SentryTags.Key(key32 + "z"));
    }

    [Theory]
    [InlineData("team.owner:primary-1", "team.owner:primary-1")] // every allowed character kept
    [InlineData("team owner/é", "team_owner__")] // space, slash and a non-ASCII letter replaced
    [InlineData("  ", null)]
    public void Key_RefusedCharacters_AreReplaced(string key, string? expected)
        => Assert.Equal(expected, SentryTags.Key(key));

    [Fact]
    public void Value_ExactlyTwoHundred_IsKept_TwoHundredOne_IsCutWithEllipsis()
    {
        var value200 = new string('v', 200);

        Assert.Equal(value200, SentryTags.Value(value200));
        var cut = SentryTags.Value(value200 + "w")!;
        Assert.Equal(200, cut.Length);
        Assert.Equal(new string('v', 199) + "…", cut);
    }

    [Theory]
    [InlineData("environment")]
    [InlineData("Release")]
    [InlineData("sentry:user")]
    public void IsReserved_SentrysOwnNames(string key) => Assert.True(SentryTags.IsReserved(key));
}
