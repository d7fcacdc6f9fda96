using System.Text.RegularExpressions;

namespace Observability.Core.Tests.Alerts;

public sealed class AlertFingerprinterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_AnyAlert_Returns64LowerCaseHexCharacters()
    {
        var fingerprint = Condition().Compute(CreateAlert());

        Assert.Matches(new Regex("^[0-9a-f]{64}$"), fingerprint);
    }

    [Fact]
    public void Compute_IsTheSha256OfTheIdentityText_CallAfterCallOnOneThread()
    {
        var fingerprinter = Condition();
        var alerts = Enumerable.Range(0, 50).Select(i => CreateAlert() with { Rule = $"rule_{i % 7}", Severity = i % 2 == 0 ? AlertSeverity.Critical : AlertSeverity.Warning }).ToArray();

        foreach (var alert in alerts.Concat(alerts.Reverse()))
        {
            var identity = string.Concat(
                "mode=9:condition\n",
                $"rule={alert.Rule.Length}:{alert.Rule}\n",
                $"service={alert.Labels["service"].Length}:{alert.Labels["service"]}\n",
                $"severity={alert.Severity.ToString().Length}:{alert.Severity}\n");
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));

            Assert.Equal(expected, fingerprinter.Compute(alert)); // the documented identity; nothing carried from one call to the next
        }
    }

    [Theory]
    [InlineData("zone", "eu-west-1")]
    [InlineData("région", "Zürich · 東京")] // non-ASCII names and values: UTF-8, lengths in UTF-16 code units
    [InlineData("emoji", "🔥 on fire")]
    [InlineData("broken", "lone \ud800 surrogate")] // replaced as UTF-8 encoding replaces it
    [InlineData("long", null)] // a value of 5,000 characters: past the buffer kept per thread
    public void Compute_IsTheSha256OfTheIdentityText_WithLabelsOfAnyText(string label, string? value)
    {
        value ??= new string('x', 5_000);
        var alert = CreateAlert(extraLabels: (label, value));
        var identity = string.Concat(
            "mode=9:condition\n",
            $"rule={alert.Rule.Length}:{alert.Rule}\n",
            "service=8:checkout\n",
            "severity=8:Critical\n",
            $"label:{label}={value.Length}:{value}\n");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));

        Assert.Equal(expected, Condition(label).Compute(alert));
        Assert.Equal(expected, Condition(label).Compute(alert)); // and again, after a buffer was kept or dropped

        var execution = string.Concat("mode=9:execution\n", "severity=8:Critical\n", $"message={value.Length}:{value}\n", "trace=0:\n");
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(execution))),
            Execution().Compute(alert with { Message = value }));
    }

    [Fact]
    public void Compute_ConditionMode_IgnoresVolatileText()
    {
        var fingerprinter = Condition();
        var first = CreateAlert() with { Title = "Error rate 5.1 %", Message = "5.1 % of 60 jobs failed", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", Timestamp = T0 };
        var repeat = CreateAlert() with { Title = "Error rate 7.9 %", Message = "7.9 % of 62 jobs failed", TraceId = "00f067aa0ba902b700f067aa0ba902b7", Timestamp = T0.AddMinutes(10) };

        Assert.Equal(fingerprinter.Compute(first), fingerprinter.Compute(repeat));
    }

    [Fact]
    public void Compute_ConditionMode_DiffersByRuleServiceAndSeverity()
    {
        var fingerprinter = Condition();
        var baseline = fingerprinter.Compute(CreateAlert());

        var fingerprints = new[]
        {
            baseline,
            fingerprinter.Compute(CreateAlert() with { Rule = "latency_p99_high" }),
            fingerprinter.Compute(CreateAlert(service: "payments")),
            fingerprinter.Compute(CreateAlert() with { Severity = AlertSeverity.Warning }),
            fingerprinter.Compute(CreateAlert(service: null)),
        };

        Assert.Equal(fingerprints.Length, fingerprints.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Compute_ConfiguredFingerprintLabel_ChangesFingerprint()
    {
        var fingerprinter = Condition("region");

        var eu = fingerprinter.Compute(CreateAlert(extraLabels: [("region", "eu-west-1")]));
        var us = fingerprinter.Compute(CreateAlert(extraLabels: [("region", "us-east-1")]));

        Assert.NotEqual(eu, us);
    }

    [Fact]
    public void Compute_UnconfiguredLabel_DoesNotChangeFingerprint()
    {
        var fingerprinter = Condition("region");

        var hostA = fingerprinter.Compute(CreateAlert(extraLabels: [("region", "eu-west-1"), ("host", "web-1")]));
        var hostB = fingerprinter.Compute(CreateAlert(extraLabels: [("region", "eu-west-1"), ("host", "web-2")]));
        var noRegionConfigured = Condition().Compute(CreateAlert(extraLabels: [("region", "eu-west-1")]));
        var otherRegionNotConfigured = Condition().Compute(CreateAlert(extraLabels: [("region", "us-east-1")]));

        Assert.Equal(hostA, hostB);
        Assert.Equal(noRegionConfigured, otherRegionNotConfigured);
    }

    [Fact]
    public void Compute_LabelInsertionOrder_IsIrrelevant()
    {
        var fingerprinter = Condition("region", "zone");
        var first = CreateAlert() with
        {
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["region"] = "eu", ["zone"] = "a" },
        };
        var second = CreateAlert() with
        {
            Labels = new Dictionary<string, string> { ["zone"] = "a", ["region"] = "eu", ["service"] = "checkout" },
        };

        Assert.Equal(fingerprinter.Compute(first), fingerprinter.Compute(second));
    }

    [Fact]
    public void Compute_ConfiguredLabelOrderOrDuplicates_IsIrrelevant()
    {
        var alert = CreateAlert(extraLabels: [("region", "eu"), ("zone", "a")]);

        Assert.Equal(Condition("region", "zone").Compute(alert), Condition("zone", "region", "zone").Compute(alert));
    }

    [Fact]
    public void Compute_FieldsWithSeparators_DoNotCollide()
    {
        var fingerprinter = Condition();

        var first = fingerprinter.Compute(CreateAlert(service: "c") with { Rule = "a|b" });
        var second = fingerprinter.Compute(CreateAlert(service: "b|c") with { Rule = "a" });
        var third = fingerprinter.Compute(CreateAlert(service: "c\nseverity=8:Critical") with { Rule = "a" });
        var fourth = fingerprinter.Compute(CreateAlert(service: "c") with { Rule = "a\nservice=1:c" });

        Assert.Equal(4, new[] { first, second, third, fourth }.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Compute_ExecutionMode_DiffersByTraceId()
    {
        var fingerprinter = Execution();

        var first = fingerprinter.Compute(CreateAlert() with { TraceId = "4bf92f3577b34da6a3ce929d0e0e4736" });
        var second = fingerprinter.Compute(CreateAlert() with { TraceId = "00f067aa0ba902b700f067aa0ba902b7" });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Compute_ExecutionMode_SameMessageTraceAndSeverity_Matches()
    {
        var fingerprinter = Execution();
        var first = CreateAlert() with { Message = "job 17 failed", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", Timestamp = T0, Title = "Job failed" };
        var second = CreateAlert(service: "payments") with { Message = "job 17 failed", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", Timestamp = T0.AddHours(1), Title = "Other title" };

        Assert.Equal(fingerprinter.Compute(first), fingerprinter.Compute(second));
    }

    [Fact]
    public void Compute_ExecutionMode_DiffersByMessageAndSeverity()
    {
        var fingerprinter = Execution();
        var alert = CreateAlert() with { Message = "job 17 failed", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736" };

        var baseline = fingerprinter.Compute(alert);

        Assert.NotEqual(baseline, fingerprinter.Compute(alert with { Message = "job 18 failed" }));
        Assert.NotEqual(baseline, fingerprinter.Compute(alert with { Severity = AlertSeverity.Warning }));
    }

    [Fact]
    public void Compute_ModesOnSameAlert_Differ()
    {
        var alert = CreateAlert() with { TraceId = "4bf92f3577b34da6a3ce929d0e0e4736" };

        Assert.NotEqual(Condition().Compute(alert), Execution().Compute(alert));
    }

    [Fact]
    public void Compute_OptionsChangedAfterConstruction_KeepsConstructionIdentity()
    {
        var options = new AlertingOptions();
        var fingerprinter = new AlertFingerprinter(options);
        var alert = CreateAlert(extraLabels: [("region", "eu")]);
        var before = fingerprinter.Compute(alert);

        options.FingerprintLabels.Add("region");

        Assert.Equal(before, fingerprinter.Compute(alert));
    }

    [Fact]
    public void Fingerprinter_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new AlertFingerprinter(null!));
        Assert.Throws<ArgumentNullException>(() => Condition().Compute(null!));
    }

    private static AlertFingerprinter Condition(params string[] labels)
    {
        var options = new AlertingOptions { FingerprintMode = FingerprintMode.Condition };
        foreach (var label in labels)
        {
            options.FingerprintLabels.Add(label);
        }

        return new AlertFingerprinter(options);
    }

    private static AlertFingerprinter Execution() => new(new AlertingOptions { FingerprintMode = FingerprintMode.Execution });

    private static Alert CreateAlert(string? service = "checkout", params (string Key, string Value)[] extraLabels)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (service is not null)
        {
            labels[AlertLabels.Service] = service;
        }

        foreach (var (key, value) in extraLabels)
        {
            labels[key] = value;
        }

        return new Alert
        {
            Rule = "error_rate_critical",
            Severity = AlertSeverity.Critical,
            Title = "Error rate above 5 %",
            Message = "6.0 % of 60 jobs failed",
            Labels = labels,
            Timestamp = T0,
        };
    }
}
