using System.Globalization;
using System.Text;

namespace Observability.Core.Tests.Reporting;

public sealed class MarkdownReporterTests
{
    [Fact]
    public void FormatAndExtension_AreMarkdownAndMd()
    {
        var reporter = new MarkdownReporter();

        Assert.Equal("markdown", reporter.Format);
        Assert.Equal("md", reporter.FileExtension);
    }

    [Fact]
    public async Task WriteAsync_Report_StartsWithServiceEnvironmentAndUtcWindow()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.StartsWith("# Health report: checkout (production)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Window:** 2025-06-01 10:00 UTC → 2025-06-01 11:00 UTC (1 h)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Evaluated:** 2025-06-01 10:45 UTC → 2025-06-01 11:00 UTC (15 min)", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Decision.Proceed, "## ✅ Verdict: Proceed")]
    [InlineData(Decision.Hold, "## ⏸️ Verdict: Hold")]
    [InlineData(Decision.Rollback, "## ⏪ Verdict: Rollback")]
    [InlineData(Decision.NoData, "## ❔ Verdict: No data")]
    public async Task WriteAsync_Decision_ShowsEmojiAndDecision(Decision decision, string expected)
    {
        var report = SampleReports.Rollback() with { Verdict = new Verdict(decision, "Summary.", []) };

        var markdown = await WriteAsync(report);

        Assert.Contains(expected + "\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Reasons_ListedUnderWhyWithObservedAndThreshold()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.Contains("— Error rate is critical in the newest 15 minutes.", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "### Why\n\n- **Critical** `error_rate_critical`: Error rate 5.2 % is above the critical threshold 2 %. (`error_rate` 5.2 % vs threshold 2 %)\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("### Other findings\n\n- **Warning** `latency_slo`: p99 latency 812 ms exceeds the 500 ms target. (`latency_p99_ms` 812.4 ms vs threshold 500 ms)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoReasons_SaysNoRuleFired()
    {
        var markdown = await WriteAsync(SampleReports.Proceed());

        Assert.StartsWith("# Health report: checkout\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### Why\n\n_No rule fired._", markdown, StringComparison.Ordinal);
        Assert.Contains("_No alerts were raised._", markdown, StringComparison.Ordinal);
        Assert.Contains("_No gaps._", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Scores_ShowsValuesStatusGradeAndPercentages()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.Contains("| Health | 41.5 / 100 | Critical |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Stability | 71.3 / 100 | Grade C |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Availability SLO compliance | 98.33 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Latency SLO compliance | 95.00 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Drift | 12.5 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `error_rate` | -45 | 5.2 % errors against a 2 % critical threshold |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Metrics_FormatsRatiosAsPercentLatencyAsMsAndCountsAsIntegers()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.Contains("| `error_rate` | 60 | 0.10 % | 1.23 % | 8.10 % | 5.20 % | 5.24 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `availability` | 60 | 91.90 % | 99.53 % | 99.99 % | 94.80 % | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `latency_p99_ms` | 60 | 120.0 ms | 245.3 ms | 812.4 ms | 812.4 ms | 640.5 ms |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `request_count` | 60 | 1180 | 1250 | 1320 | 1301 | 1290 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_DataQuality_ShowsTotalsAndGapTable()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.Contains("**64** snapshots: **60** usable, **4** empty or failed (93.75 % usable).", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-06-01 10:20 UTC | 2025-06-01 10:22 UTC | 3 | `collect_empty_source` | persistent |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 2025-06-01 10:40 UTC | 2025-06-01 10:40 UTC | 1 | `collect_failed` | transient |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_CollectionsAndAlerts_AreTabulated()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.Contains("| prometheus | Partial | 64 | yes | InvalidData at line 12: not a number |", markdown, StringComparison.Ordinal);
        Assert.Contains("| file | Failed | 0 | no | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Critical | checkout: error rate critical | `error_rate_critical` | `a1b2c3d4` | Error rate 5.2 % is above 2 %. |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("a1b2c3d4e", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AlertTextWithPipesAndNewlines_StaysInsideItsCell()
    {
        var alert = SampleReports.Rollback().Alerts[0] with { Title = "db | cache down", Message = "first line\nsecond | line" };

        var markdown = await WriteAsync(SampleReports.Rollback() with { Alerts = [alert] });

        Assert.Contains(@"| Critical | db \| cache down | `error_rate_critical` | `a1b2c3d4` | first line<br>second \| line |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_MarkupInUserText_IsEscaped()
    {
        var report = SampleReports.Rollback() with
        {
            Service = "shop_api",
            Verdict = new Verdict(Decision.Hold, "**Look** at <b>this</b> [now](http://x)\n# not a heading", []),
        };

        var markdown = await WriteAsync(report);

        Assert.StartsWith(@"# Health report: shop\_api (production)", markdown, StringComparison.Ordinal);
        Assert.Contains(@"**Hold** — \*\*Look\*\* at \<b\>this\</b\> \[now\](http://x) \# not a heading", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_GermanCulture_StillWritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var markdown = await WriteAsync(SampleReports.Rollback());

            Assert.Contains("| `availability` | 60 | 91.90 % | 99.53 % |", markdown, StringComparison.Ordinal);
            Assert.Contains("| Health | 41.5 / 100 |", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("99,53", markdown, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task WriteAsync_NonFiniteNumbers_WritesPlaceholders()
    {
        var markdown = await WriteAsync(SampleReports.WithNonFiniteNumbers());

        Assert.Contains("| `latency_p95_ms` | 2 | -∞ | n/a | ∞ | n/a | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Stability | n/a / 100 | Grade F |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Footer_ShowsTraceIdAndGeneratedAt()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.EndsWith("Trace `4bf92f3577b34da6a3ce929d0e0e4736` · generated 2025-06-01 11:00:05 UTC by Observability\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Stream_IsLeftOpenUtf8WithoutBomAndLfOnly()
    {
        using var stream = new MemoryStream();

        await new MarkdownReporter().WriteAsync(SampleReports.Rollback(), stream);

        var bytes = stream.ToArray();
        Assert.True(stream.CanWrite);
        Assert.Equal((byte)'#', bytes[0]);
        Assert.DoesNotContain("\r", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NullArguments_Throw()
    {
        var reporter = new MarkdownReporter();

        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteAsync(null!, new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteAsync(SampleReports.Rollback(), null!));
    }

    private static async Task<string> WriteAsync(HealthReport report)
    {
        using var stream = new MemoryStream();
        await new MarkdownReporter().WriteAsync(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task WriteAsync_SloStatuses_AreATableWithBudgetAndFiringRules()
    {
        var report = SampleReports.Rollback() with
        {
            Slos = [new SloStatus("availability", 0.999, 0.9978, -1.1044, "Overspent.") { BurnRate = 67.52, FiringRules = ["burn_rate_6h_30m", "burn_rate_1d_2h"] }],
        };

        var markdown = await WriteAsync(report);

        Assert.Contains("## Service level objectives", markdown, StringComparison.Ordinal);
        var row = markdown.Split("\n").Single(l => l.Contains("67.52x", StringComparison.Ordinal));
        Assert.StartsWith("| `availability` | 99.90 % | 99.78 % | -110.44 % | 67.52x | – | ", row, StringComparison.Ordinal);
        Assert.Contains("6h", row, StringComparison.Ordinal);
        Assert.Contains("1d", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoSlos_LeavesTheSectionOut()
    {
        var markdown = await WriteAsync(SampleReports.Rollback());

        Assert.DoesNotContain("## Service level objectives", markdown, StringComparison.Ordinal);
    }
}
