using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>The index under the default rule (a critical mutes warnings of the same service and category).</summary>
public sealed class InhibitionIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private readonly AlertRules _rules = new(new AlertingOptions());

    [Fact]
    public void TwoSourcesUnderOneKey_RemovingEitherLeavesTheOtherMuting_RemovingBothNone()
    {
        var index = new InhibitionIndex(_rules);
        index.Add(Critical("a"), T0);
        index.Add(Critical("b"), T0);
        var warning = Warning("w");

        Assert.True(Mutes(index, warning, T0));
        index.Remove("a");
        Assert.True(Mutes(index, warning, T0));
        index.Add(Critical("a"), T0);
        index.Remove("b");
        Assert.True(Mutes(index, warning, T0));
        index.Remove("a");
        Assert.False(Mutes(index, warning, T0));
    }

    [Fact]
    public void ASourceNeverMutesItself_ButMutesAnotherAlertOfItsKey()
    {
        var index = new InhibitionIndex(_rules);
        var critical = Critical("a");
        index.Add(critical, T0);

        Assert.False(index.Mutes(0, _rules.EqualKey(0, critical), "a", T0));
        Assert.True(index.Mutes(0, _rules.EqualKey(0, critical), "other", T0));
    }

    [Fact]
    public void Touch_RefreshesTheTime_SoAnOldSourceMutesAgain()
    {
        var index = new InhibitionIndex(_rules);
        index.Add(Critical("a"), T0);
        var since = T0.AddMinutes(5);

        Assert.False(Mutes(index, Warning("w"), since)); // seen before the window
        index.Touch("a", since);
        Assert.True(Mutes(index, Warning("w"), since));
    }

    [Fact]
    public void Add_TheSameFingerprintWithOtherLabels_MovesItToTheNewKey()
    {
        var index = new InhibitionIndex(_rules);
        index.Add(Critical("a", category: "db"), T0);
        index.Add(Critical("a", category: "cache"), T0);

        Assert.False(Mutes(index, Warning("w", category: "db"), T0));
        Assert.True(Mutes(index, Warning("w", category: "cache"), T0));
    }

    [Fact]
    public void EqualValues_AreComparedOneByOne_NotAsAJoinedText()
    {
        var index = new InhibitionIndex(_rules);
        var source = Critical("a") with { Labels = new Dictionary<string, string> { ["service"] = "a\u001fb", ["category"] = "c" } };
        var lookalike = Warning("w") with { Labels = new Dictionary<string, string> { ["service"] = "a", ["category"] = "b\u001fc" } };
        var same = Warning("v") with { Labels = new Dictionary<string, string> { ["service"] = "a\u001fb", ["category"] = "c" } };
        index.Add(source, T0);

        Assert.False(Mutes(index, lookalike, T0)); // joined with the separator both read "a\u001fb\u001fc"
        Assert.True(Mutes(index, same, T0));
    }

    [Fact]
    public void BatchIndex_WithoutKeys_StillMutes()
    {
        var index = new InhibitionIndex(_rules, trackKeys: false);
        index.Add(Critical("a"), T0);
        index.Add(Critical("b"), T0);

        Assert.True(Mutes(index, Warning("w"), T0));
        Assert.False(Mutes(index, Warning("w", category: "other"), T0));
    }

    [Fact]
    public void UnderTwoRules_EachRuleKeepsItsOwnKey_AndMovingOrRemovingTheAlertUpdatesBoth()
    {
        var options = new AlertingOptions();
        var zoneRule = new AlertInhibitionRule();
        zoneRule.SourceMatchers.Add("rule=zone_down");
        zoneRule.TargetMatchers.Add("severity=~warning|info");
        zoneRule.Equal.Add("zone");
        options.Inhibitions.Add(zoneRule); // rule 1, beside the default rule 0
        var rules = new AlertRules(options);
        var index = new InhibitionIndex(rules);
        bool Mutes(Alert alert) => rules.IsInhibited(alert, index, T0);
        Alert ZoneDown(string zone, string category) => Alert("z", AlertSeverity.Critical, category) with
        {
            Rule = "zone_down",
            Labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = category, ["zone"] = zone },
        };
        Alert Target(string zone, string category) => Alert("w", AlertSeverity.Warning, category) with
        {
            Labels = new Dictionary<string, string> { ["service"] = "other", ["category"] = category, ["zone"] = zone },
        };
        Alert SameService(string category) => Alert("w", AlertSeverity.Warning, category);

        index.Add(ZoneDown("eu-1", "db"), T0); // a source of both rules
        Assert.True(Mutes(Target("eu-1", "x"))); // by zone (rule 1)
        Assert.True(Mutes(SameService("db"))); // by service and category (rule 0)

        index.Add(ZoneDown("eu-2", "db"), T0); // the same fingerprint moves under rule 1 only
        Assert.False(Mutes(Target("eu-1", "x")));
        Assert.True(Mutes(Target("eu-2", "x")));
        Assert.True(Mutes(SameService("db")));

        index.Add(ZoneDown("eu-2", "db") with { Severity = AlertSeverity.Warning }, T0); // no longer a source of rule 0
        Assert.False(Mutes(SameService("db")));
        Assert.True(Mutes(Target("eu-2", "x")));

        index.Remove("z");
        Assert.False(Mutes(Target("eu-2", "x")));
    }

    private bool Mutes(InhibitionIndex index, Alert alert, DateTimeOffset since) => _rules.IsInhibited(alert, index, since);

    private static Alert Critical(string fingerprint, string category = "db") => Alert(fingerprint, AlertSeverity.Critical, category);

    private static Alert Warning(string fingerprint, string category = "db") => Alert(fingerprint, AlertSeverity.Warning, category);

    private static Alert Alert(string fingerprint, AlertSeverity severity, string category) => new()
    {
        Rule = "r",
        Severity = severity,
        Title = "t",
        Fingerprint = fingerprint,
        Labels = new Dictionary<string, string> { ["service"] = "checkout", ["category"] = category },
    };
}
