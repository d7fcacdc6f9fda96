using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Core.Tests.Alerts;

public sealed class AlertMatcherTests
{
    private static readonly Alert Checkout = new()
    {
        Rule = "error_rate_critical",
        Severity = AlertSeverity.Critical,
        Title = "t",
        Labels = new Dictionary<string, string> { ["service"] = "checkout", ["region"] = "eu-west-1" },
    };

    [Theory]
    [InlineData("service=checkout", true)]
    [InlineData("service = checkout", true)]
    [InlineData("service=\"checkout\"", true)]
    [InlineData("service=payments", false)]
    [InlineData("service!=payments", true)]
    [InlineData("service!=checkout", false)]
    [InlineData("region=~eu-.*", true)]
    [InlineData("region=~eu", false)] // the whole value must match
    [InlineData("region!~us-.*", true)]
    [InlineData("severity=critical", true)]
    [InlineData("severity=~warning|info", false)]
    [InlineData("rule=error_rate_critical", true)]
    [InlineData("alertname=~error_rate_.*", true)]
    [InlineData("environment=", true)] // a missing label is empty
    [InlineData("environment!=", false)]
    public void Matches_FollowsAlertmanagerSemantics(string text, bool expected)
        => Assert.Equal(expected, AlertMatcher.Parse(text).Matches(Checkout));

    [Theory]
    [InlineData("warning|info")]
    [InlineData("warning")]
    [InlineData("a||b")] // an empty alternative matches the empty value
    [InlineData("eu-west-1|eu_central-1|EU")]
    [InlineData("warn.*|info")] // not only literals: the regular expression decides
    [InlineData("(?i)warning")]
    [InlineData("warn ing|in#fo")]
    [InlineData("warning|in\\|fo")]
    public void RegexMatchers_AgreeWithTheAnchoredRegularExpression(string pattern)
    {
        var reference = new System.Text.RegularExpressions.Regex($"^(?:{pattern})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var matches = AlertMatcher.Parse($"tier=~{pattern}");
        var excludes = AlertMatcher.Parse($"tier!~{pattern}");
        string[] values = ["warning", "info", "Warning", "INFO", "warn", "warningx", "xwarning", "warning|info", "", "a", "b", "a||b", "eu-west-1", "EU", "eu", "warn ing", "in#fo", "in\\", "fo", "warnXing"];
        foreach (var value in values)
        {
            var alert = Checkout with { Labels = new Dictionary<string, string> { ["tier"] = value } };
            Assert.True(reference.IsMatch(value) == matches.Matches(alert), $"'{value}' against '{pattern}'");
            Assert.True(reference.IsMatch(value) != excludes.Matches(alert), $"'{value}' against !~'{pattern}'");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("service")]
    [InlineData("=checkout")]
    [InlineData("service!checkout")]
    [InlineData("my service=checkout")]
    public void Parse_NotAMatcher_SaysWhatIsExpected(string text)
    {
        var error = Assert.Throws<FormatException>(() => AlertMatcher.Parse(text));
        Assert.Contains("expected label=value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadRegularExpression_SaysSo()
    {
        var error = Assert.Throws<FormatException>(() => AlertMatcher.Parse("region=~eu-(west"));
        Assert.Contains("invalid regular expression", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=b")]
    [InlineData("a!=b")]
    [InlineData("a=~b.*")]
    [InlineData("a!~b.*")]
    public void ToString_RoundTrips(string text) => Assert.Equal(text, AlertMatcher.Parse(text).ToString());

    [Fact]
    public void Options_BadAlertingSettings_ListEveryProblemWithWhere()
    {
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.RepeatInterval = TimeSpan.FromMinutes(1); // shorter than the 5-minute window
            o.Alerts.Silences.Add(new AlertSilence()); // no matcher, no expiry
            var route = new AlertRoute { RateLimitBurst = 0 };
            route.Matchers.Add("service");
            o.Alerts.Routes["discord"] = route;
            o.Alerts.Delivery.OutboxCapacity = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value);

        var message = string.Join("\n", error.Failures);
        Assert.Contains("Observability:Alerts:RepeatInterval must be at least DedupeWindow", message, StringComparison.Ordinal);
        Assert.Contains("Observability:Alerts:Silences:0:Matchers needs at least one matcher", message, StringComparison.Ordinal);
        Assert.Contains("Observability:Alerts:Silences:0:EndsAt is required", message, StringComparison.Ordinal);
        Assert.Contains("Observability:Alerts:Routes:discord:Matchers: 'service' is not a matcher", message, StringComparison.Ordinal);
        Assert.Contains("Observability:Alerts:Routes:discord:RateLimitBurst must be at least 1", message, StringComparison.Ordinal);
        Assert.Contains("Observability:Alerts:Delivery:OutboxCapacity must be at least 1", message, StringComparison.Ordinal);
    }
}
