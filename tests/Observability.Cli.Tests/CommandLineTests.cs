namespace Observability.Cli.Tests;

/// <summary>The command line itself: help, unknown options, refused secrets, the rollback confirmation.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("check")]
    [InlineData("stability")]
    [InlineData("report")]
    [InlineData("archive")]
    [InlineData("rollback")]
    public async Task Help_EveryCommand_ExitsZeroAndShowsItsUsage(string command)
    {
        using var temp = new TempFolder();
        string[] arguments = command.Length == 0 ? ["--help"] : [command, "--help"];

        var outcome = await Obs.RunAsync(temp.Path, null, arguments);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains($"obs {command}".TrimEnd() + " [", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Help_Check_DocumentsEveryExitCode()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check", "--help");

        Assert.Contains("0 proceed", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 hold, 3 rollback, 4 no data, 1 bad usage or configuration, 130 interrupted", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownOption_ExitsOneNamingIt()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check", "--data", Obs.DegradingWeek, "--no-such-option");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--no-such-option", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Rollout health of", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--github-token", "OBS_GITHUB_TOKEN")]
    [InlineData("--discord-webhook-url", "OBS_DISCORD_WEBHOOK_URL")]
    [InlineData("--sentry-dsn", "OBS_SENTRY_DSN")]
    public async Task Check_SecretOnCommandLine_IsRefusedWithoutEchoingIt(string option, string variable)
    {
        const string secret = "ghp_NotARealSecretButLooksLikeOne123";

        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check", "--data", Obs.DegradingWeek, option, secret);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(option, outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains(variable, outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict=", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PrometheusUrlWithCredentials_IsRefusedWithoutEchoingThem()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check", "--prometheus-url", "http://admin:hunter2@127.0.0.1:9/", "--service", "checkout");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--prometheus-url", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--data", "missing.csv", "--data 'missing.csv'")]
    [InlineData("--lookback", "seven", "--lookback 'seven'")]
    [InlineData("--window-end", "yesterday", "--window-end 'yesterday'")]
    public async Task Check_BadInput_ExitsOneSayingWhatAndWhereWithoutStackTrace(string option, string value, string expected)
    {
        string[] arguments = option == "--data" ? ["check", option, value] : ["check", "--data", Obs.DegradingWeek, option, value];

        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, arguments);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoSource_ExitsOneListingTheSources()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no source", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("--prometheus-url", outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--confirm", "yes")]
    [InlineData("--confirm", "NO")]
    public async Task Rollback_WithoutConfirmYes_RefusesWithExitOne(params string[] confirmation)
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, ["rollback", "--reason", "test", .. confirmation]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--confirm YES", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was run", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Stability_BareDurationIsHoursAndTestModeTakesTenMinutes()
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "stability", "--replay", "--data", Obs.DegradingWeek, "--test-mode", "--duration", "2", "--output", temp["out"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("12 snapshots, one every 10m (test mode) for 2h", outcome.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("days=1 ticks=12/12 ", outcome.StdoutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stability_LiveDataWithoutBaseline_ExitsOneNamingTheOption()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "stability", "--data", Obs.DegradingWeek);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--baseline <file> is required with --data", outcome.Stderr, StringComparison.Ordinal);
    }
}
