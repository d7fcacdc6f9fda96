namespace Observability.Core.Tests.Redaction;

/// <content>Alerts: every field redacted, identity fields kept, the input never changed.</content>
public sealed partial class SecretRedactorTests
{
    [Fact]
    public void Redact_Alert_MasksSecretsInEveryField()
    {
        var alert = new Alert
        {
            Rule = "error_rate_critical",
            Severity = AlertSeverity.Critical,
            Title = "Deploy failed with password=pw-value-2222",
            Message = "call returned 401 for api_key=AKIAEXAMPLE9999",
            RootCause = "Authorization: Bearer tokenvalue.abcd rejected",
            Labels = new Dictionary<string, string>
            {
                ["service"] = "checkout",
                ["github_token"] = "ghp_labelsecret7777",
                ["note"] = "rotated secret=oldsecretvalue8888",
            },
            Context = new Dictionary<string, object?>
            {
                ["region"] = "eu-west-1",
                ["webhook_secret"] = "whsec_contextvalue6666",
                ["command"] = "deploy --token=clitokenvalue5555",
            },
            Links = [new AlertLink("CI run token=linktitlevalue4444", new Uri("https://ci.example.com/runs/42?token=querytokenvalue3333&page=2"))],
        };

        var result = _redactor.Redact(alert);

        Assert.Equal("Deploy failed with password=***2222", result.Title);
        Assert.Equal("call returned 401 for api_key=***9999", result.Message);
        Assert.Equal("Authorization: Bearer ***abcd rejected", result.RootCause);
        Assert.Equal("checkout", result.Labels["service"]);
        Assert.Equal("***7777", result.Labels["github_token"]);
        Assert.Equal("rotated secret=***8888", result.Labels["note"]);
        Assert.Equal("eu-west-1", result.Context["region"]);
        Assert.Equal("***6666", result.Context["webhook_secret"]);
        Assert.Equal("deploy --token=***5555", result.Context["command"]);
        var link = Assert.Single(result.Links);
        Assert.Equal("CI run token=***4444", link.Title);
        Assert.DoesNotContain("querytokenvalue", link.Url.OriginalString);
        Assert.DoesNotContain("querytokenvalue", link.Url.ToString());
        Assert.Contains("ci.example.com/runs/42", link.Url.OriginalString);
        Assert.Contains("page=2", link.Url.OriginalString);
    }

    [Fact]
    public void Redact_Alert_KeepsIdentityFieldsAndNullRootCause()
    {
        var timestamp = new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
        var alert = new Alert
        {
            Rule = "latency",
            Severity = AlertSeverity.Warning,
            Title = "p99 latency high",
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Timestamp = timestamp,
        };

        var result = _redactor.Redact(alert);

        Assert.Null(result.RootCause);
        Assert.Equal("latency", result.Rule);
        Assert.Equal(AlertSeverity.Warning, result.Severity);
        Assert.Equal("p99 latency high", result.Title);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", result.TraceId);
        Assert.Equal(timestamp, result.Timestamp);
    }

    [Fact]
    public void Redact_Alert_DoesNotMutateInput()
    {
        var labels = new Dictionary<string, string> { ["api_key"] = "abcdefgh" };
        var alert = new Alert { Rule = "r", Severity = AlertSeverity.Error, Title = "token=abcdefgh", Labels = labels };

        var result = _redactor.Redact(alert);

        Assert.NotSame(alert, result);
        Assert.Equal("token=abcdefgh", alert.Title);
        Assert.Equal("abcdefgh", labels["api_key"]);
    }
}
