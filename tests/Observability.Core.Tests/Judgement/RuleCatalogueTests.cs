using System.Reflection;

namespace Observability.Core.Tests.Judgement;

/// <summary>One rule catalogue: every rule id has its row, and what the engine produces is always in it.</summary>
public sealed class RuleCatalogueTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(RuleCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static).Where(static f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRuleId_HasItsRow_WithATitleForTheServiceAndAKnownCategory(string id)
    {
        var row = RuleCatalogue.Find(id);

        Assert.NotNull(row);
        Assert.Contains("{service}", row.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("{service}", row.TitleFor("checkout"), StringComparison.Ordinal);
        var categories = typeof(RuleCatalogue.Categories).GetFields().Select(static f => (string)f.GetRawConstantValue()!);
        Assert.Contains(row.Category, categories);
    }

    [Fact]
    public void Rows_HaveUniqueIds_AndTheSpecsFlagsAreThere()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(static r => r.Id).Distinct().Count());
        var flags = RuleCatalogue.All.Select(static r => r.Flag).ToHashSet();
        Assert.Contains("collect_empty_source", flags);
        Assert.Contains("trend_degradation", flags);
        Assert.Contains("success_rate_crit", flags);
    }

    [Fact]
    public void Get_UnknownRule_ThrowsNamingIt_NeverASilentDefault()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => RuleCatalogue.Get("made_up_rule"));

        Assert.Contains("made_up_rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRuleThePassAndTheTicksProduce_HasARow()
    {
        // Weeks that make the engine produce its rules: degradation, gaps, no p99.
        foreach (var snapshots in new[] { GeneratedWeeks.DegradingAtTheEnd(), GeneratedWeeks.WithExporterGap(), GeneratedWeeks.Week(withP99: false) })
        {
            await using var harness = GeneratedWeeks.Harness(snapshots);
            var report = (await harness.Monitor.RunOnceAsync()).Report;
            var (days, _) = GeneratedWeeks.Summarize(snapshots);

            Assert.All(report.Findings, f => Assert.NotNull(RuleCatalogue.Find(f.Rule)));
            Assert.All(report.Alerts, a => Assert.NotNull(RuleCatalogue.Find(a.Rule)));
            Assert.NotEmpty(days);
        }
    }

    [Fact]
    public async Task BurnRateFinding_IsPrintedAsAMultiple_NeverInTheMetricsUnit()
    {
        await using var harness = GeneratedWeeks.Harness(GeneratedWeeks.DegradingAtTheEnd());
        var report = (await harness.Monitor.RunOnceAsync()).Report;

        var burn = Assert.Single(report.Findings, f => f.Rule == RuleCatalogue.BurnRateAvailability);
        using var stream = new MemoryStream();
        await new MarkdownReporter().WriteAsync(report, stream);
        var markdown = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var line = markdown.Split('\n').First(l => l.StartsWith("- **", StringComparison.Ordinal) && l.Contains("`slo_burn_rate_availability`", StringComparison.Ordinal) && l.Contains("vs threshold", StringComparison.Ordinal));

        Assert.Matches(@"\(`availability` [0-9.]+x vs threshold [0-9.]+x\)", line);
        Assert.DoesNotContain("% vs threshold", line, StringComparison.Ordinal);
        Assert.Equal(ValueUnit.BurnRate, RuleCatalogue.Get(burn.Rule).Unit);
    }
}
