using System.Diagnostics;
using System.Text.Json;

namespace Observability.Samples.Tests;

/// <summary>The StabilityMonitor sample, run as a process: a 7-day replay on its simulated clock, and its error exits.</summary>
public sealed class StabilityMonitorSampleTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _output = Path.Combine(Path.GetTempPath(), "obs-stability-sample-" + Guid.NewGuid().ToString("N"));

    private static string SampleDll => Path.Combine(
        RepositoryLayout.Root, "samples", "Observability.Samples.StabilityMonitor", "bin", RepositoryLayout.Configuration, "net10.0", "Observability.Samples.StabilityMonitor.dll");

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
    public async Task TestMode_ReplaysSevenDays_ExitsZeroWithEveryFile()
    {
        var outcome = await RunAsync("--test-mode", "--output", _output);

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
    public async Task TestMode_OneDay_WritesOneDay()
    {
        var outcome = await RunAsync("--test-mode", "--duration", "24h", "--interval", "1h", "--output", _output);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("days=1 ticks=24/24 failed=0 skipped=0 rollback=no interrupted=no", outcome.StdoutLines[^1]);
        Assert.Equal(24, Directory.GetFiles(Path.Combine(_output, "day_01_raw")).Length);
        Assert.False(Directory.Exists(Path.Combine(_output, "day_02_raw")));
    }

    [Fact]
    public async Task MissingBaseline_ExitsOneNamingTheFile()
    {
        var missing = Path.Combine(_output, "nope.json");
        var outcome = await RunAsync("--test-mode", "--output", _output, "--baseline", missing);

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
        var outcome = await RunAsync("--test-mode", "--output", _output, "--baseline", baseline);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"The baseline file '{baseline}' is malformed: 'availability' must be a number above 0", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusUrl_WithTestMode_ExitsOneSayingALiveServerCannotBeReplayed()
    {
        var outcome = await RunAsync("--test-mode", "--prometheus-url", "http://127.0.0.1:9090", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--prometheus-url reads a live server and cannot be replayed", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusUrl_Unreachable_EveryTickFailsAndExitsOne()
    {
        // Port 1 refuses connections: both ticks of a 2-second run fail, the run still writes its files.
        var outcome = await RunAsync("--prometheus-url", "http://127.0.0.1:1", "--duration", "2s", "--interval", "1s", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("every collection failed; check that Prometheus answers at http://127.0.0.1:1", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("ticks=2/2 failed=2", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDuration_ExitsOneWithUsage()
    {
        var outcome = await RunAsync("--test-mode", "--duration", "soon", "--output", _output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--duration 'soon' is not a positive duration", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupted_AfterTheFirstTick_Exits130AndWritesWhatWasCollected()
    {
        // A real-clock run of 1 hour; SIGINT (Ctrl+C) once the first tick has run. The shipped data is from 2025,
        // so the live tick finds nothing: a failed collection, the day partial, and still every summary written.
        Assert.True(File.Exists(SampleDll), $"The sample is not built: {SampleDll}");
        var start = new ProcessStartInfo(RepositoryLayout.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { SampleDll, "--duration", "1h", "--interval", "1m", "--output", _output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var firstTick = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Contains("tick 1/60", StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return null;
        });
        var line = await firstTick.WaitAsync(Timeout);
        Assert.NotNull(line);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Timeout);
        var output = await stdout;
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}\n{output}");
        Assert.Contains("interrupted=yes", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "day_01_summary.json")), output);
        Assert.True(File.Exists(Path.Combine(_output, "weekly_summary.json")), output);
    }

    private static Task<ProcessOutcome> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(SampleDll), $"The sample is not built: {SampleDll}");
        return ProcessRunner.RunAsync(RepositoryLayout.DotnetHost, [SampleDll, .. arguments], Timeout, Path.GetTempPath());
    }
}
