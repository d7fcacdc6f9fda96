using System.Diagnostics;
using System.Text.Json;

namespace Observability.Samples.Tests;

/// <summary>The StabilityMonitor sample, run as a process: a 7-day replay on its simulated clock, its command line and its error exits.</summary>
public sealed class StabilityMonitorSampleTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _output = Path.Combine(Path.GetTempPath(), "obs-stability-sample-" + Guid.NewGuid().ToString("N"));

    private static string SampleDll => Path.Combine(
        RepositoryLayout.Root, "samples", "Observability.Samples.StabilityMonitor", "bin", RepositoryLayout.Configuration, "net10.0", "Observability.Samples.StabilityMonitor.dll");

    /// <summary>The shipped baseline, next to the built sample: a live run needs one given.</summary>
    private static string ShippedBaseline => Path.Combine(Path.GetDirectoryName(SampleDll)!, "data", "baseline.json");

    private static string ShippedData => Path.Combine(Path.GetDirectoryName(SampleDll)!, "data", "checkout-7d.csv");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_output, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public async Task Replay_SevenDays_ExitsZeroWithEveryFile()
    {
        var outcome = await RunAsync("--replay", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        // 168 h / 30 min = 336 ticks; the quiet hour and the degraded last day are data, not failures.
        Assert.Equal("days=7 ticks=336/336 failed=0 skipped=0 rollback=yes interrupted=no", outcome.StdoutLines[^1]);
        Assert.Contains("[100%] tick 336/336 at 2025-11-21 23:30", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("day 1 (2025-11-15): 48/48 snapshots (100 %)", outcome.Stdout, StringComparison.Ordinal);
        for (var day = 1; day <= 7; day++)
        {
            Assert.True(File.Exists(Path.Combine(_output, $"day_{day:00}_summary.json")), outcome.ToString());
            Assert.Equal(48, Directory.GetFiles(Path.Combine(_output, $"day_{day:00}_raw"), "snapshot_*.json").Length);
        }

        Assert.True(File.Exists(Path.Combine(_output, "day_01_raw", "snapshot_2025-11-15_00-00-00.json")));
        Assert.True(File.Exists(Path.Combine(_output, "weekly_summary.json")));
        Assert.True(File.Exists(Path.Combine(_output, "weekly_summary.md")));

        // The exporter's quiet hour (2025-11-18 03:00 and 03:30, every metric zero) is a gap, not a 0 % availability.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "day_04_summary.json")));
        var summary = json.RootElement;
        var metadata = summary.GetProperty("_metadata");
        Assert.Equal(2, metadata.GetProperty("unusable_snapshots").GetInt32());
        Assert.Equal(95.83, metadata.GetProperty("completeness_percent").GetDouble()); // 46 / 48 x 100
        Assert.Equal("partial", metadata.GetProperty("data_completeness").GetString());
        Assert.True(summary.GetProperty("min_availability").GetDouble() > 99); // percent
        Assert.Contains("collect_empty_source", metadata.GetProperty("warnings").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_OneDay_WritesOneDay()
    {
        var outcome = await RunAsync("--replay", "--duration", "24h", "--interval", "1h", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=1 ticks=24/24 failed=0 skipped=0 rollback=no interrupted=no", outcome.StdoutLines[^1]);
        Assert.Equal(24, Directory.GetFiles(Path.Combine(_output, "day_01_raw")).Length);
        Assert.False(Directory.Exists(Path.Combine(_output, "day_02_raw")));
    }

    [Fact]
    public async Task MissingBaseline_ExitsOneNamingTheFile()
    {
        var missing = Path.Combine(_output, "nope.json");
        var outcome = await RunAsync("--replay", "--output", _output, "--baseline", missing);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"error: The baseline file '{missing}' does not exist.", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "weekly_summary.json")));
    }

    [Fact]
    public async Task MalformedBaseline_ExitsOneNamingTheFileAndProblem()
    {
        Directory.CreateDirectory(_output);
        var baseline = Path.Combine(_output, "baseline.json");
        await File.WriteAllTextAsync(baseline, """{ "availability": "high" }""");
        var outcome = await RunAsync("--replay", "--output", _output, "--baseline", baseline);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"The baseline file '{baseline}' is malformed: 'availability' must be a number above 0", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusUrl_WithReplay_ExitsOneSayingALiveServerCannotBeReplayed()
    {
        var outcome = await RunAsync("--replay", "--prometheus-url", "http://127.0.0.1:9090", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--prometheus-url reads a live server and cannot be replayed", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusUrl_Unreachable_EveryTickFailsAndExitsOne()
    {
        // Port 1 refuses connections: both ticks of a 2-second run fail, the run still writes its files.
        var outcome = await RunAsync("--prometheus-url", "http://127.0.0.1:1", "--baseline", ShippedBaseline, "--duration", "2s", "--interval", "1s", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("every collection failed; check that Prometheus answers at http://127.0.0.1:1", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("ticks=2/2 failed=2", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDuration_ExitsOneNamingItAndPointingToHelp()
    {
        var outcome = await RunAsync("--replay", "--duration", "soon", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: --duration 'soon' is not a positive time", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run with --help for the options.", outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Stdout);
        Assert.False(Directory.Exists(_output));
    }

    [Theory]
    [InlineData("INT")] // Ctrl+C
    [InlineData("TERM")] // docker stop, systemctl stop, a cancelled CI job: before, the runtime ended the process and no summary was written
    public async Task Stopped_AfterTheFirstTick_Exits130AndWritesWhatWasCollected(string signal)
    {
        // A real-clock run of 1 hour reading the shipped file live, stopped by the signal once the first tick has run.
        // The shipped data is from 2025, so the live tick finds nothing: a failed collection, the day partial, and still
        // every summary written.
        Assert.True(File.Exists(SampleDll), $"The sample is not built: {SampleDll}");

        var outcome = await ProcessRunner.RunAsync(
            RepositoryLayout.DotnetHost,
            [SampleDll, "--data", ShippedData, "--baseline", ShippedBaseline, "--duration", "1h", "--interval", "1m", "--output", _output],
            Timeout,
            Path.GetTempPath(),
            stop: new StopSignal(signal, static line => line.Contains("tick 1/60", StringComparison.Ordinal)));

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Contains("interrupted=yes", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("interrupted: the days collected so far were aggregated and written", outcome.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "day_01_summary.json")), outcome.ToString());
        Assert.True(File.Exists(Path.Combine(_output, "weekly_summary.json")), outcome.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_PrintsUsageWithEveryOptionTheUnitsAndTheExitCodes_ExitsZero(string help)
    {
        var outcome = await RunAsync(help);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(string.Empty, outcome.Stderr);
        Assert.StartsWith("usage: Observability.Samples.StabilityMonitor", outcome.Stdout, StringComparison.Ordinal);
        foreach (var option in new[] { "--replay", "--prometheus-url <url>", "--data <file>", "--baseline <file>", "--duration <time>", "--interval <time>", "--test-mode", "--output <dir>", "--service <job>", "-h, --help" })
        {
            Assert.Contains("  " + option, outcome.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("a bare number is hours", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("a bare number is minutes", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("(default: stability/)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", outcome.Stdout, StringComparison.Ordinal);
        foreach (var code in new[] { "  0    ", "  1    ", "  130  " })
        {
            Assert.Contains(code, outcome.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownOption_IsNamed_ExitsOne()
    {
        var outcome = await RunAsync("--replay", "--foo", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("error: unknown option '--foo'.\nRun with --help for the options.\n", outcome.Stderr);
        Assert.Equal(string.Empty, outcome.Stdout);
    }

    [Fact]
    public async Task NoSource_ExitsOneNamingTheThreeSources()
    {
        var outcome = await RunAsync("--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: no source: give --replay", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--prometheus-url <url>", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--data <file>", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task BareNumbers_DurationInHoursIntervalInMinutes_TwelveTicks()
    {
        var outcome = await RunAsync("--replay", "--duration", "2", "--interval", "10", "--output", _output);

        // 2 h / 10 min = 12 ticks; the shipped data has a snapshot every 30 minutes, so 8 of them find none.
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=1 ticks=12/12 failed=8 skipped=0 rollback=no interrupted=no", outcome.StdoutLines[^1]);
        Assert.StartsWith("Stability monitor: 12 snapshots, one every 10m for 2h, from 2025-11-15 00:00 UTC", outcome.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(_output, "day_01_raw"), "snapshot_*.json").Length);
    }

    [Fact]
    public async Task TestMode_TwoHours_TakesASnapshotEveryTenMinutes()
    {
        // No --interval: without --test-mode this would be 4 ticks at the default 30 minutes.
        var outcome = await RunAsync("--replay", "--test-mode", "--duration", "2", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=1 ticks=12/12 failed=8 skipped=0 rollback=no interrupted=no", outcome.StdoutLines[^1]);
        Assert.Contains("one every 10m (test mode) for 2h", outcome.StdoutLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("warning: --test-mode", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestMode_LongerThanTwoHours_KeepsTheIntervalWithAWarning()
    {
        var outcome = await RunAsync("--replay", "--test-mode", "--duration", "3", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=1 ticks=6/6 failed=0 skipped=0 rollback=no interrupted=no", outcome.StdoutLines[^1]);
        Assert.Contains("warning: --test-mode shortens the interval only in a run of 2h or less", outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prometheus-url", "http://alice:s3cr3t-pw@127.0.0.1:9090")]
    [InlineData("--prometheus-url=https://alice:s3cr3t-pw@127.0.0.1:9090/")]
    public async Task PrometheusUrl_WithCredentials_ExitsOneWithoutEchoingThem(params string[] url)
    {
        var outcome = await RunAsync([.. url, "--baseline", ShippedBaseline, "--output", _output]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: --prometheus-url must not carry credentials", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task UnwritableOutput_ExitsOneNamingTheFolder_NoStackTrace()
    {
        // A folder below a file cannot be created, whoever runs the test (root ignores permissions, not this).
        Directory.CreateDirectory(_output);
        var file = Path.Combine(_output, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var output = Path.Combine(file, "stability");
        var outcome = await RunAsync("--replay", "--duration", "2", "--output", output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"error: the output folder '{output}' cannot be written: ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task UnexpectedErrorFromTheLibrary_ExitsOneWithOneLine_NoStackTrace()
    {
        // A file where the monitor makes its first day's folder: the library throws mid-run.
        Directory.CreateDirectory(_output);
        await File.WriteAllTextAsync(Path.Combine(_output, "day_01_raw"), "in the way");
        var outcome = await RunAsync("--replay", "--duration", "2", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: the monitor stopped unexpectedly: IOException: ", line, StringComparison.Ordinal);
        Assert.Contains("day_01_raw", line, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task AbsurdDuration_ExitsOneAtOnceSayingTheLimit()
    {
        var outcome = await RunAsync("--replay", "--duration", "100000d", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: --duration '100000d' is longer than the longest run this sample takes, 366d.", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    [Fact]
    public async Task Replay_DurationPastTheData_StopsAtTheLastSnapshotWithAWarning()
    {
        var outcome = await RunAsync("--replay", "--duration", "300d", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("warning: --duration 300d runs past the data's last snapshot (2025-11-21 23:30 UTC); the replay stops there, after 7d.", outcome.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("days=7 ticks=336/336 failed=0 ", outcome.Stdout.TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntervalLongerThanDuration_ExitsOne()
    {
        var outcome = await RunAsync("--replay", "--duration", "1", "--interval", "2h", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error: --interval 2h is longer than --duration 1h.", outcome.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task DefaultOutput_IsStabilityInTheWorkingDirectory()
    {
        Directory.CreateDirectory(_output);
        var outcome = await RunInAsync(_output, "--replay", "--duration", "2");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var folder = Path.Combine(_output, "stability");
        Assert.Equal($"Output: {folder}", outcome.StdoutLines[1]);
        Assert.True(File.Exists(Path.Combine(folder, "weekly_summary.json")), outcome.ToString());
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "day_01_raw"), "snapshot_*.json").Length);
        Assert.False(Directory.Exists(Path.Combine(_output, "stability-output")));
    }

    private static void AssertNoStackTrace(ProcessOutcome outcome)
    {
        Assert.DoesNotContain("Unhandled exception", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
    }

    private static Task<ProcessOutcome> RunAsync(params string[] arguments) => RunInAsync(Path.GetTempPath(), arguments);

    private static Task<ProcessOutcome> RunInAsync(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(SampleDll), $"The sample is not built: {SampleDll}");
        return ProcessRunner.RunAsync(RepositoryLayout.DotnetHost, [SampleDll, .. arguments], Timeout, workingDirectory);
    }
}
