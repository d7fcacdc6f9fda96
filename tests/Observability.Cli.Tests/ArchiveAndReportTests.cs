using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Observability.Cli.Tests;

/// <summary><c>obs archive</c> and <c>obs report</c> over real files.</summary>
public sealed class ArchiveAndReportTests
{
    [Fact]
    public async Task Archive_DryRun_ListsFilesWithSizesAndWritesNothing()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["reports/sub"]);
        File.WriteAllText(temp["reports/a.json"], "{\"a\":1}");
        File.WriteAllBytes(temp["reports/sub/b.bin"], new byte[1234]);
        var before = Directory.GetFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Order().ToArray();

        var outcome = await Obs.RunAsync(temp.Path, null, "archive", "--source", temp["reports"], "--archive-root", temp["archive"], "--dry-run");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"Would create: .*archive[/\\]\d{8}_\d{6}[/\\]", outcome.Stdout);
        Assert.Contains("Would copy: reports/a.json (7 bytes)", outcome.Stdout.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("Would copy: reports/sub/b.bin (1234 bytes)", outcome.Stdout.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("Would generate: MANIFEST.txt", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Fact]
    public async Task Archive_CopiesFilesAndWritesManifestWithTheirSha256()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["reports"]);
        File.WriteAllText(temp["reports/weekly_summary.md"], "# week\n");
        File.WriteAllBytes(temp["data.csv"], [.. Enumerable.Range(0, 5000).Select(static i => (byte)i)]);

        var outcome = await Obs.RunAsync(temp.Path, null, "archive", "--source", temp["reports"], "--source", temp["data.csv"], "--archive-root", temp["archive"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var folder = Assert.Single(Directory.GetDirectories(temp["archive"]));
        Assert.Matches(@"^\d{8}_\d{6}$", Path.GetFileName(folder));
        var rows = File.ReadAllLines(Path.Combine(folder, "MANIFEST.txt")).Where(static l => !l.StartsWith('#')).ToArray();
        Assert.Equal(2, rows.Length);
        foreach (var row in rows)
        {
            var fields = row.Split('\t');
            var copy = Path.Combine(folder, fields[0]);
            Assert.True(File.Exists(copy), row);
            Assert.Equal(new FileInfo(copy).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[1]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(copy))), fields[2]);
        }

        Assert.Equal(File.ReadAllBytes(temp["data.csv"]), File.ReadAllBytes(Path.Combine(folder, "data.csv")));
        Assert.Contains(rows, static r => r.StartsWith("reports/weekly_summary.md\t7\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archive_MissingSource_ExitsOneAndCreatesNothing()
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "archive", "--source", temp["nope"], "--archive-root", temp["archive"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("nope", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp["archive"]));
    }

    [Fact]
    public async Task Report_RawFolderOfTheStabilityMonitor_RebuildsTheSameDayFiles()
    {
        using var temp = new TempFolder();
        var run = await Obs.RunAsync(temp.Path, null, "stability", "--replay", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--output", temp["stability"]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var outcome = await Obs.RunAsync(temp.Path, null, "report", "--input", temp["stability"], "--baseline", Obs.Baseline, "--output", temp["rebuilt"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=7 snapshots=336 verdict=rollback rollback=yes", outcome.StdoutLines[^1]);
        var originals = Directory.GetFiles(temp["stability"], "day_*_summary.json").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(7, originals.Length);
        Assert.Equal(originals, Directory.GetFiles(temp["rebuilt"], "day_*_summary.json").Select(Path.GetFileName).Order().ToArray());
        foreach (var name in originals)
        {
            // The same numbers. The time the file was generated differs, and the monitor's completeness warnings
            // also name the collection gaps it saw live (collect_empty_source), which raw files do not record.
            Assert.Equal(Comparable(File.ReadAllText(Path.Combine(temp["stability"], name!))), Comparable(File.ReadAllText(Path.Combine(temp["rebuilt"], name!))));
        }

        Assert.True(File.Exists(temp["rebuilt/weekly_summary.md"]));
        Assert.True(File.Exists(temp["rebuilt/health-report.json"]));
        Assert.True(File.Exists(temp["rebuilt/health-report.md"]));
        foreach (var format in new[] { "health-report.pdf", "dashboard.html", "snapshots.csv", "slo_violations.json", "slo_violations.md", "operational_report.json", "operational_report.md", "weekly_summary.html", "weekly_summary.pdf" })
        {
            Assert.True(File.Exists(temp["rebuilt/" + format]), $"{format} missing");
        }
    }

    [Fact]
    public async Task Report_MalformedRawSnapshot_ExitsOneNamingTheFile()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["raw/day_01_raw"]);
        File.WriteAllText(temp["raw/day_01_raw/snapshot_2025-11-15_00-00-00.json"], "{\n  \"timestamp\": \"2025-11-15T00:00:00Z\",\n  \"metrics\": { \"availability\": \"high\" }\n}");

        var outcome = await Obs.RunAsync(temp.Path, null, "report", "--input", temp["raw"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("snapshot_2025-11-15_00-00-00.json", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("'availability'", outcome.Stderr, StringComparison.Ordinal);
    }

    private static string Comparable(string json)
        => Regex.Replace(Regex.Replace(json, "\"generated_at\": \"[^\"]*\"", string.Empty), "\"warnings\": \\[.*?\\]", string.Empty, RegexOptions.Singleline);
}
