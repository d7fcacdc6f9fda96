namespace Observability.Cli.Tests;

/// <summary><c>obs stability</c> stopped mid-run: what was collected is aggregated and written, exit 130.</summary>
public sealed class StabilityStopTests
{
    [Theory]
    [InlineData("INT")] // Ctrl+C
    [InlineData("TERM")] // docker stop, systemctl stop, a cancelled CI job
    public async Task Stability_StoppedAfterTheFirstTick_Exits130AndWritesWhatWasCollected(string signal)
    {
        // A real-clock hour reading the shipped week live: its data is from 2025, so the tick finds nothing (a failed
        // collection, the day partial), and the summaries are still written when the run is stopped.
        using var temp = new TempFolder();

        var outcome = await Obs.RunUntilStoppedAsync(
            temp.Path,
            new StopSignal(signal, static line => line.Contains("tick 1/60", StringComparison.Ordinal)),
            "stability", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--duration", "1h", "--interval", "1m", "--output", temp["out"]);

        Assert.True(outcome.ExitCode == 130, outcome.ToString());
        Assert.Contains("days=1 ticks=1/60 failed=1 skipped=0 rollback=no interrupted=yes", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("interrupted: the days collected so far were aggregated and written", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp["out"], "day_01_summary.json")), outcome.ToString());
        Assert.True(File.Exists(Path.Combine(temp["out"], "weekly_summary.json")), outcome.ToString());
        Assert.True(File.Exists(Path.Combine(temp["out"], "weekly_summary.md")), outcome.ToString());
    }
}
