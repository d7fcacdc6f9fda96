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

    [Fact]
    public void ThousandsOfKeys_AcrossTheKeyStoresChunks_ClearedAndFilledAgain_MuteOnlyAsTheyNowAre()
    {
        var index = new InhibitionIndex(_rules, trackKeys: false); // a batch's index, emptied between publishes
        for (var round = 0; round < 3; round++)
        {
            var categories = Enumerable.Range(0, 3_000).Select(i => $"r{round}-c{i}").ToArray(); // three chunks of keys
            foreach (var (category, i) in categories.Select(static (c, i) => (c, i)))
            {
                index.Add(Critical($"s{round}-{i}", category), T0);
            }

            Assert.All(categories, category => Assert.True(Mutes(index, Warning("w", category), T0)));
            Assert.False(Mutes(index, Warning("w", $"r{round - 1}-c7"), T0)); // the last round's keys are gone
            Assert.False(Mutes(index, Warning("w", "never"), T0));
            index.Clear();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomAddsMovesTouchesRemovesAndPrunes_AgreeWithAPlainListOfSources(int seed)
    {
        // Sources are found again by their key's hash and their digest; a list of (fingerprint, category, seen, alone)
        // says what must mute, and a real fingerprint's form (64 hex characters) is used as well as short ones.
        var random = new Random(seed);
        var index = new InhibitionIndex(_rules);
        var model = new Dictionary<string, (string Category, DateTimeOffset Seen, bool Alone)>();
        var fingerprints = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? $"f{i}" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        string[] categories = ["db", "cache", "queue", "api", "disk", "dns", "tls", "cpu"];
        var now = T0;
        for (var step = 0; step < 4_000; step++)
        {
            now = now.AddSeconds(random.Next(0, 20));
            var fingerprint = fingerprints[random.Next(fingerprints.Length)];
            switch (random.Next(10))
            {
                case < 5:
                    var category = categories[random.Next(categories.Length)];
                    var alone = random.Next(2) == 0;
                    index.Add(Critical(fingerprint, category), now, alone);
                    model[fingerprint] = (category, now, alone);
                    break;
                case < 7:
                    index.Remove(fingerprint);
                    model.Remove(fingerprint);
                    break;
                case < 9:
                    index.Touch(fingerprint, now);
                    if (model.TryGetValue(fingerprint, out var known))
                    {
                        model[fingerprint] = known with { Seen = now };
                    }

                    break;
                default:
                    var cutoff = now.AddMinutes(-random.Next(1, 30));
                    index.PruneAlone(cutoff);
                    foreach (var stale in model.Where(e => e.Value.Alone && e.Value.Seen < cutoff).Select(static e => e.Key).ToList())
                    {
                        model.Remove(stale);
                    }

                    break;
            }

            Assert.Equal(model.Count(static e => e.Value.Alone), index.Alone);
            var since = now.AddMinutes(-random.Next(0, 40));
            foreach (var category in categories)
            {
                var target = fingerprints[random.Next(fingerprints.Length)];
                var expected = model.Any(e => e.Key != target && e.Value.Category == category && e.Value.Seen >= since);
                Assert.True(expected == Mutes(index, Warning(target, category), since), $"step {step}: {category}, target {target}");
            }
        }
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
