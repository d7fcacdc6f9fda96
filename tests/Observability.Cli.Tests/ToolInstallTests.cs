using Observability.Samples.Tests;

namespace Observability.Cli.Tests;

/// <summary>
/// Installs obs from the packed local feed (<c>artifacts/packages</c>, filled by eng/test.sh before the tests
/// run) into a temporary tool path and runs it as a user would.
/// </summary>
public sealed class ToolInstallTests(RecentPrometheusFixture prometheus) : IClassFixture<RecentPrometheusFixture>
{
    [Fact]
    [Trait("Category", "Package")]
    public async Task DotnetToolInstall_FromLocalFeed_RunsCheckWithTheVerdictExitCode()
    {
        using var temp = new TempFolder();
        var obs = await InstallAsync(temp);

        var help = await ProcessRunner.RunAsync(obs, ["--help"], TimeSpan.FromMinutes(1), temp.Path, Obs.Environment());
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("obs [command] [options]", help.Stdout, StringComparison.Ordinal);

        var check = await ProcessRunner.RunAsync(
            obs, ["check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", "2025-11-22T00:00:00Z", "--lookback", "7d"], TimeSpan.FromMinutes(2), temp.Path, Obs.Environment());
        Assert.True(check.ExitCode == 3, check.ToString());
        Assert.StartsWith("verdict=rollback ", check.StdoutLines[^1], StringComparison.Ordinal);
    }

    /// <summary>
    /// The installed tool against a real Prometheus holding a week of two services (<see cref="TwoServicesHistory"/>), as a
    /// scheduled GitHub Actions job runs it: the service whose last hours fail exits 3 with the step summary and the outputs
    /// written and an error annotation; the steady one exits 0.
    /// </summary>
    [Fact]
    [Trait("Category", "Package")]
    public async Task InstalledTool_AgainstRealPrometheus_DegradingServiceExitsThreeWithStepSummary_HealthyServiceExitsZero()
    {
        using var temp = new TempFolder();
        var obs = await InstallAsync(temp);
        var summary = temp["step_summary.md"];
        var output = temp["github_output"];
        var actions = Obs.Environment(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", summary), ("GITHUB_OUTPUT", output));

        var degrading = await ProcessRunner.RunAsync(
            obs, ["check", "--prometheus-url", prometheus.Address.ToString(), "--service", "payments", "--lookback", "7d", "--output", temp["reports"]], TimeSpan.FromMinutes(2), temp.Path, actions);

        Assert.True(degrading.ExitCode == 3, $"history ends {prometheus.End:O}\n{degrading}");
        Assert.StartsWith("verdict=rollback ", degrading.StdoutLines[^1], StringComparison.Ordinal);
        Assert.Contains(degrading.StdoutLines, static l => l.StartsWith("::error title=", StringComparison.Ordinal));
        var markdown = File.ReadAllText(summary);
        Assert.Contains("payments", markdown, StringComparison.Ordinal);
        Assert.Contains("error_rate_critical", markdown, StringComparison.Ordinal);
        var outputs = File.ReadAllLines(output);
        Assert.Equal("verdict=rollback", outputs[0]);
        Assert.Contains(outputs, static l => l.StartsWith("health=", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(temp["reports"], "health-report.json")), degrading.ToString());

        var healthy = await ProcessRunner.RunAsync(
            obs, ["check", "--prometheus-url", prometheus.Address.ToString(), "--service", "checkout", "--lookback", "7d"], TimeSpan.FromMinutes(2), temp.Path, Obs.Environment());

        Assert.True(healthy.ExitCode == 0, $"history ends {prometheus.End:O}\n{healthy}");
        Assert.StartsWith("verdict=proceed ", healthy.StdoutLines[^1], StringComparison.Ordinal);
    }

    private static async Task<string> InstallAsync(TempFolder temp)
    {
        var feed = Path.Combine(Obs.Root, "artifacts", "packages");
        var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "Observability.Cli.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;
        Assert.True(
            package is not null,
            $"No Observability.Cli.*.nupkg in {feed}: run eng/test.sh (it packs every src/ project there before the tests), or `dotnet pack src/Observability.Cli -c Release -o artifacts/packages`.");
        var version = Path.GetFileNameWithoutExtension(package)["Observability.Cli.".Length..];

        var tools = temp["tools"];
        var install = await ProcessRunner.RunAsync(
            Obs.DotnetHost, ["tool", "install", "Observability.Cli", "--add-source", feed, "--tool-path", tools, "--version", version], TimeSpan.FromMinutes(4), temp.Path, Obs.Environment());
        Assert.True(install.ExitCode == 0, install.ToString());
        var obs = Path.Combine(tools, OperatingSystem.IsWindows() ? "obs.exe" : "obs");
        Assert.True(File.Exists(obs), $"{obs} was not installed.\n{install}");
        return obs;
    }
}
