namespace Observability.Abstractions.Tests.Alerts;

public sealed class AlertTests
{
    [Fact]
    public void ToString_NeverContainsMessageLabelsOrContext()
    {
        var alert = new Alert
        {
            Rule = "error_rate_critical",
            Severity = AlertSeverity.Critical,
            Title = "Error rate above 5 %",
            Message = "message-value-123",
            RootCause = "root-cause-value-456",
            TraceId = "trace-value-789",
            Labels = new Dictionary<string, string> { ["service"] = "label-value-abc", ["api_key"] = "label-secret-def" },
            Context = new Dictionary<string, object?> { ["password"] = "context-secret-ghi", ["nested"] = new Dictionary<string, object?> { ["x"] = "context-nested-jkl" } },
            Links = [new AlertLink("runbook", new Uri("https://runbooks.example.com/link-value-mno"))],
        };

        var text = alert.ToString();

        Assert.Contains("Critical", text);
        Assert.Contains("Error rate above 5 %", text);
        Assert.Contains("error_rate_critical", text);
        foreach (var hidden in new[] { "message-value", "root-cause-value", "trace-value", "label-value", "label-secret", "context-secret", "context-nested", "link-value", "api_key", "password" })
        {
            Assert.DoesNotContain(hidden, text);
        }
    }

    [Fact]
    public void ToString_WithFingerprint_ShowsOnlyItsFirstEightCharacters()
    {
        var alert = new Alert
        {
            Rule = "latency",
            Severity = AlertSeverity.Warning,
            Title = "p99 high",
            Fingerprint = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        };

        var text = alert.ToString();

        Assert.Contains("01234567", text);
        Assert.DoesNotContain("012345678", text);
    }

    [Fact]
    public void ToString_ShortFingerprint_DoesNotThrow()
    {
        var alert = new Alert { Rule = "r", Severity = AlertSeverity.Info, Title = "t", Fingerprint = "abc" };

        Assert.Contains("abc", alert.ToString());
    }

    [Fact]
    public void Defaults_AreEmptyAndNeverNull()
    {
        var alert = new Alert { Rule = "r", Severity = AlertSeverity.Info, Title = "t" };

        Assert.Empty(alert.Labels);
        Assert.Empty(alert.Context);
        Assert.Empty(alert.Links);
        Assert.Equal(string.Empty, alert.Message);
        Assert.Equal("observability", alert.Source);
        Assert.Null(alert.Fingerprint);
    }

    [Fact]
    public void AlertSeverity_Order_IsIncreasing()
    {
        Assert.True(AlertSeverity.Info < AlertSeverity.Warning);
        Assert.True(AlertSeverity.Warning < AlertSeverity.Error);
        Assert.True(AlertSeverity.Error < AlertSeverity.Critical);
    }
}
