using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Providers.CiLogs.Tests;

/// <summary>Every error line the parser finds is put in one category; snapshots carry one count per category.</summary>
public sealed class CiErrorCategoryTests
{
    // The classify fixtures ran in July 2026, error_log1 in 2024.
    private static readonly CollectionWindow AllTime = new(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    // error_log1: line 3194 "Process completed with exit code 1." follows "mv: cannot stat … No such file or directory" (not_found);
    // line 4047 follows a huggingface "couldn't connect" traceback and sudo noise that no rule matches (unknown).
    [InlineData("error_log1.full-job-log.failing.txt", "not_found=1,unknown=1")]
    // "… download has timed out." and "Failed to download archive … after 3 attempts." (network, twice).
    [InlineData("classify/action_archive_download_failure.txt", "network=2")]
    // "The runner has received a shutdown signal." and "A task was canceled." (cancelled, twice).
    [InlineData("classify/gha_cancellation_shutdown.txt", "cancelled=2")]
    // "The action 'Test' has timed out after 360 minutes."
    [InlineData("classify/gha_timeout.txt", "timeout=1")]
    // Three error lines right under "##[warning]Run `lintrunner -a` to apply this patch." (lint from the context).
    [InlineData("classify/lint_lintrunner.txt", "lint=3")]
    // Exit code and container failure under Dynamo warnings that no rule matches.
    [InlineData("classify/pytest_failures_section.txt", "unknown=2")]
    // No error line at all: no category.
    [InlineData("experimental.log5_success.txt", "")]
    public void Parse_RealLog_CountsEveryErrorLineInItsCategory(string fixture, string expected)
    {
        var log = CiFixtures.Parse(Path.Combine(CiFixtures.Root, fixture));

        Assert.Equal(expected, string.Join(',', log.ErrorCategories.Select(c => FormattableString.Invariant($"{c.Key}={c.Value}"))));
        Assert.Equal(log.ErrorCount, log.ErrorCategories.Values.Sum());
    }

    [Fact]
    public void Parse_MoreErrorLinesThanKept_ClassifiesThemAll()
    {
        // 1000 are kept one by one; the 5 beyond are still counted, and still classified.
        var lines = Enumerable.Range(0, CiLogParser.MaxAnnotations + 5).Select(i => $"##[error]curl: (7) Failed to connect to 127.0.0.1 port {i}: Connection refused");

        var log = CiLogParser.Default.Parse(lines, "many");

        Assert.Equal(CiLogParser.MaxAnnotations, log.Errors.Count);
        Assert.Equal(CiLogParser.MaxAnnotations + 5, log.ErrorCount);
        Assert.Equal(CiLogParser.MaxAnnotations + 5, Assert.Single(log.ErrorCategories, c => c.Key == CiErrorCategories.Network).Value);
    }

    [Fact]
    public void Parse_ClassifierGivesABlankCategory_CountsTheLineAsUnknown()
    {
        var parser = new CiLogParser(classifier: new FixedClassifier(" "));

        var log = parser.Parse(["##[error]one", "::error::two"], "blank");

        Assert.Equal(2, Assert.Single(log.ErrorCategories, c => c.Key == CiErrorCategories.Unknown).Value);
    }

    [Fact]
    public void ErrorLinesIn_Category_IsTheRegionalNameOfErrorLines()
    {
        var name = CiLogMetrics.ErrorLinesIn(CiErrorCategories.Timeout);

        Assert.Equal("ci_error_lines@timeout", name);
        Assert.True(WellKnownMetrics.TryParseRegional(name, out var metric, out var category));
        Assert.Equal((CiLogMetrics.ErrorLines, CiErrorCategories.Timeout), (metric, category));
        Assert.Throws<ArgumentException>(() => CiLogMetrics.ErrorLinesIn(" "));
    }

    [Fact]
    public async Task CollectAsync_RealLogsAndArchive_OneCountPerCategorySummingToErrorLines()
    {
        using var folder = new TempFolder();
        folder.Copy(CiFixtures.ErrorLog1, "error_log1.log");
        folder.Copy(CiFixtures.Log5Success, "log5_success.txt");
        // A run of two jobs: "build" in step files (timeout 1, network 2), "deploy" as a whole job log (cancelled 2).
        using (var zip = CiRunLogArchiveTests.Zip(
            ("build/1_Run tests.txt", File.ReadAllText(CiFixtures.Classify("gha_timeout"))),
            ("build/2_Download.txt", File.ReadAllText(CiFixtures.Classify("action_archive_download_failure"))),
            ("0_deploy.txt", File.ReadAllText(CiFixtures.Classify("gha_cancellation_shutdown")))))
        {
            File.WriteAllBytes(Path.Combine(folder.Path, "run.zip"), zip.ToArray());
        }

        var result = await Collector(folder.Path).CollectAsync(AllTime);

        // Oldest first: log5 (2023), error_log1 (2024), the archive (last timestamp 2026-07-30).
        Assert.Equal(3, result.Snapshots.Count);
        var (log5, log1, run) = (result.Snapshots[0], result.Snapshots[1], result.Snapshots[2]);
        Assert.Empty(Categories(log5));
        Assert.Equal(0, log5.Metrics[CiLogMetrics.ErrorLines]);
        Assert.Equal("not_found=1,unknown=1", Format(Categories(log1)));
        Assert.Equal(1, log1.Metrics["ci_error_lines@not_found"]);
        Assert.Equal("cancelled=2,network=2,timeout=1", Format(Categories(run)));
        Assert.Equal(5, run.Metrics[CiLogMetrics.ErrorLines]);
        Assert.All(result.Snapshots, s => Assert.Equal(s.Metrics[CiLogMetrics.ErrorLines], Categories(s).Values.Sum()));
    }

    [Fact]
    public async Task CollectAsync_ClassifierGivenToTheConstructor_NamesTheCategories()
    {
        using var folder = new TempFolder();
        folder.Copy(CiFixtures.ErrorLog1);
        var options = new CiLogCollectorOptions { Path = folder.Path };

        var snapshot = Assert.Single((await new CiLogCollector("ci", options, new FixedClassifier("mine"), new FakeTimeProvider(), NullLoggerFactory.Instance).CollectAsync(AllTime)).Snapshots);

        Assert.Equal("mine=2", Format(Categories(snapshot)));
        Assert.Throws<ArgumentNullException>(() => new CiLogCollector("ci", options, null!, new FakeTimeProvider(), NullLoggerFactory.Instance));
    }

    [Fact]
    public async Task AddCiLogCollector_ClassifierRegisteredBefore_IsTheOneUsed()
    {
        var mine = new FixedClassifier("infrastructure");
        var services = new ServiceCollection();
        services.AddSingleton<ICiErrorClassifier>(mine);
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(o => o.Path = CiFixtures.ErrorLog1);
        using var provider = services.BuildServiceProvider();

        var snapshot = Assert.Single((await Assert.Single(provider.GetServices<ICollector>()).CollectAsync(AllTime)).Snapshots);

        Assert.Equal("infrastructure=2", Format(Categories(snapshot)));
        Assert.Equal(2, mine.Calls);
    }

    [Fact]
    public async Task AddCiLogCollector_NoClassifierRegistered_UsesTheRuleBasedOne()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(o => o.Path = CiFixtures.ErrorLog1);
        using var provider = services.BuildServiceProvider();

        var snapshot = Assert.Single((await Assert.Single(provider.GetServices<ICollector>()).CollectAsync(AllTime)).Snapshots);

        Assert.Equal("not_found=1,unknown=1", Format(Categories(snapshot)));
    }

    private static CiLogCollector Collector(string path)
        => new("ci-logs", new CiLogCollectorOptions { Path = path }, new FakeTimeProvider(), NullLoggerFactory.Instance);

    /// <summary>The snapshot's <c>ci_error_lines@…</c> metrics by category.</summary>
    private static SortedDictionary<string, double> Categories(MetricSnapshot snapshot)
    {
        var categories = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in snapshot.Metrics)
        {
            if (WellKnownMetrics.TryParseRegional(name, out var metric, out var category) && metric == CiLogMetrics.ErrorLines)
            {
                categories[category] = value;
            }
        }

        return categories;
    }

    /// <summary>The categories as <c>category=count</c>, comma-separated.</summary>
    private static string Format(IEnumerable<KeyValuePair<string, double>> categories)
        => string.Join(',', categories.Select(c => FormattableString.Invariant($"{c.Key}={c.Value}")));

    /// <summary>Puts every error line in one category and counts the calls.</summary>
    private sealed class FixedClassifier(string category) : ICiErrorClassifier
    {
        private int _calls;

        public int Calls => _calls;

        public Classification Classify(CiLogAnnotation signal)
        {
            Interlocked.Increment(ref _calls);
            return new Classification(category, 1, "fixed");
        }

        public Classification ClassifyLines(IEnumerable<string> lines) => new(category, 1, "fixed");

        public Classification ClassifyLog(CiLogAnalysis analysis, IEnumerable<string>? lines = null) => new(category, 1, "fixed");
    }
}
