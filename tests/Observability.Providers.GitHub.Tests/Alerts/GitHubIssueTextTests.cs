using System.Security.Cryptography;
using System.Text;
using Observability.Internal;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>The issue text: marker, limits, and the fingerprint of an alert that arrives without one.</summary>
public sealed class GitHubIssueTextTests
{
    [Fact]
    public void Fingerprint_UpperCaseHex_IsLowerCased()
    {
        var alert = GitHubIssueScenario.Alert() with { Fingerprint = new string('A', 64) };

        Assert.Equal(new string('a', 64), GitHubIssueText.Fingerprint(alert));
    }

    [Fact]
    public void Fingerprint_Missing_IsSha256OfRuleAndSortedLabels()
    {
        var alert = GitHubIssueScenario.Alert() with { Fingerprint = null };
        // Rule, then the labels sorted by key: environment before service.
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("error_rate_critical\nenvironment=production\nservice=checkout")));

        Assert.Equal(expected, GitHubIssueText.Fingerprint(alert));
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void Fingerprint_NotHex_IsHashedSoTheMarkerStaysSafe()
    {
        var alert = GitHubIssueScenario.Alert() with { Fingerprint = "x --> <script>" };

        var fingerprint = GitHubIssueText.Fingerprint(alert);

        Assert.Equal(64, fingerprint.Length);
        Assert.True(fingerprint.All(char.IsAsciiHexDigit));
    }

    [Fact]
    public void Title_Over256_CutWithEllipsisAtExactly256()
    {
        var alert = GitHubIssueScenario.Alert() with { Title = new string('t', 300) };

        var title = GitHubIssueText.Title(alert);

        // "[Critical] " is 11 characters; 11 + 300 = 311 > 256: 255 kept + "…".
        Assert.Equal(256, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.Equal(new string('t', 255 - 11), title[11..255]);
    }

    [Fact]
    public void Title_Exactly256_Kept()
    {
        var alert = GitHubIssueScenario.Alert() with { Title = new string('t', 256 - 11) };

        Assert.Equal(256, GitHubIssueText.Title(alert).Length);
        Assert.DoesNotContain("…", GitHubIssueText.Title(alert), StringComparison.Ordinal);
    }

    [Fact]
    public void Body_HugeMessageAnd200Labels_StaysUnderTheLimitWithTheMarkerFirst()
    {
        var labels = Enumerable.Range(0, 200).ToDictionary(i => $"label{i:D3}", i => new string('v', 600));
        var links = Enumerable.Range(0, 30).Select(i => new AlertLink(new string('l', 300), new Uri($"https://ci.example.test/{new string('p', 900)}/{i}"))).ToList();
        var alert = GitHubIssueScenario.Alert() with { Message = new string('m', 100_000), RootCause = new string('r', 100_000), Labels = labels, Links = links };

        var body = GitHubIssueText.Body(alert, new string('a', 64));

        Assert.True(body.Length <= GitHubIssueText.MaxBodyLength, $"{body.Length} characters");
        Assert.StartsWith(GitHubIssueText.Marker(new string('a', 64)), body, StringComparison.Ordinal);
        // Message cut to 15,000, root cause to 5,000; the table keeps 100 rows (values cut to 200), then a count;
        // 10 of the 30 links; and, since all of it fits, the details after them.
        Assert.Contains(new string('m', 14_999) + "…", body, StringComparison.Ordinal);
        Assert.Contains(new string('r', 4_999) + "…", body, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('r', 5_000), body, StringComparison.Ordinal);
        Assert.Contains("| label099 | " + new string('v', 199) + "… |", body, StringComparison.Ordinal);
        Assert.Contains("| … | 100 more |", body, StringComparison.Ordinal);
        Assert.Equal(10, body.Split("](https://ci.example.test/").Length - 1);
        Assert.Contains("* Fingerprint: `" + new string('a', 64) + "`", body, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusDescription_CutTo140()
    {
        var alert = GitHubIssueScenario.Alert() with { Title = new string('t', 200) };

        var description = GitHubIssueText.StatusDescription(alert);

        Assert.Equal(140, description.Length);
        Assert.StartsWith("Critical: ttt", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_DuplicatesAndBlanksDropped_LongOnesCutTo50()
    {
        var alert = GitHubIssueScenario.Alert(severity: AlertSeverity.Warning);

        var labels = GitHubIssueText.Labels(["observability", "Observability", "warning", new string('x', 60)], alert);

        Assert.Equal(["observability", "warning", new string('x', 49) + "…", "persistent"], labels);
    }

    [Fact]
    public void Body_LinkAddressOver1000_ShownAsTitleOnly()
    {
        var alert = GitHubIssueScenario.Alert() with { Links = [new AlertLink("dashboard", new Uri("https://ci.example.test/" + new string('p', 977)))] };
        var exactly = GitHubIssueScenario.Alert() with { Links = [new AlertLink("dashboard", new Uri("https://ci.example.test/" + new string('p', 976)))] };

        // 24 + 977 = 1,001 characters: too long; 24 + 976 = 1,000: shown.
        Assert.Contains("* dashboard (address too long to show)", GitHubIssueText.Body(alert, new string('a', 64)), StringComparison.Ordinal);
        Assert.Contains("* [dashboard](https://ci.example.test/ppp", GitHubIssueText.Body(exactly, new string('a', 64)), StringComparison.Ordinal);
    }
}
