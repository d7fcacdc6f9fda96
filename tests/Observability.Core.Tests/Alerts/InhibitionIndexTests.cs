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
