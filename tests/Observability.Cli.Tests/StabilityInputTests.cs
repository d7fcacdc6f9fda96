namespace Observability.Cli.Tests;

/// <summary><c>obs stability</c> given bad input: exit 1 with one line naming the option, never a stack trace; a replay bounded by its data.</summary>
public sealed class StabilityInputTests
{
    [Theory]
    [InlineData("--prometheus-url", "http://alice:s3cr3t-pw@127.0.0.1:9/")]
    [InlineData("--prometheus-url=https://alice:s3cr3t-pw@127.0.0.1:9/")]
    [InlineData("--prometheus-url", "http://alice%40corp:s3cr3t-pw@127.0.0.1:9/")]
    public async Task Stability_UrlWithCredentials_ExitsOneWithoutEchoingThem(params string[] url)
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, ["stability", .. url, "--baseline", Obs.Baseline, "--output", temp["out"]]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--prometheus-url must not carry credentials", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        AssertOneLineNoStackTrace(outcome);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task Stability_UnwritableOutput_ExitsOneNamingTheFolder()
    {
        // A folder below a file cannot be created, whoever runs the test (root ignores permissions, not this).
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp["a-file"], "not a folder");
        var output = Path.Combine(temp["a-file"], "out");

        var outcome = await Obs.RunAsync(temp.Path, null, "stability", "--replay", "--data", Obs.DegradingWeek, "--output", output);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"error: --output '{output}': the folder cannot be written", outcome.Stderr, StringComparison.Ordinal);
        AssertOneLineNoStackTrace(outcome);
    }

    [Theory]
    [InlineData("100000d")]
    [InlineData("99999999999999999999d")]
    public async Task Stability_AbsurdDuration_ExitsOneSayingTheLimit(string duration)
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "stability", "--replay", "--data", Obs.DegradingWeek, "--duration", duration, "--output", temp["out"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"--duration '{duration}' is longer than", outcome.Stderr, StringComparison.Ordinal);
        AssertOneLineNoStackTrace(outcome);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task Stability_ReplayPastTheData_StopsAtTheLastSnapshotWithAWarning()
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "stability", "--replay", "--data", Obs.DegradingWeek, "--duration", "300d", "--output", temp["out"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("warning: --duration 300d runs past the data's last snapshot (2025-11-21 23:30 UTC); the replay stops there, after 7d.", outcome.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("days=7 ticks=336/336 failed=0 ", outcome.StdoutLines[^1], StringComparison.Ordinal);
    }

    private static void AssertOneLineNoStackTrace(ProcessOutcome outcome)
    {
        Assert.Single(outcome.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("Unhandled exception", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
    }
}
