namespace Observability.Cli.Tests;

/// <summary>
/// Installs obs from the packed local feed (<c>artifacts/packages</c>, filled by eng/test.sh before the tests
/// run) into a temporary tool path and runs it as a user would.
/// </summary>
public sealed class ToolInstallTests
{
    [Fact]
    [Trait("Category", "Package")]
    public async Task DotnetToolInstall_FromLocalFeed_RunsCheckWithTheVerdictExitCode()
    {
        var feed = Path.Combine(Obs.Root, "artifacts", "packages");
        var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "Observability.Cli.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault() : null;
        Assert.True(
            package is not null,
            $"No Observability.Cli.*.nupkg in {feed}: run eng/test.sh (it packs every src/ project there before the tests), or `dotnet pack src/Observability.Cli -c Release -o artifacts/packages`.");
        var version = Path.GetFileNameWithoutExtension(package)["Observability.Cli.".Length..];

        using var temp = new TempFolder();
        var tools = temp["tools"];
        var install = await ProcessRunner.RunAsync(
            Obs.DotnetHost, ["tool", "install", "Observability.Cli", "--add-source", feed, "--tool-path", tools, "--version", version], TimeSpan.FromMinutes(4), temp.Path, Obs.Environment());
        Assert.True(install.ExitCode == 0, install.ToString());
        var obs = Path.Combine(tools, OperatingSystem.IsWindows() ? "obs.exe" : "obs");
        Assert.True(File.Exists(obs), $"{obs} was not installed.\n{install}");

        var help = await ProcessRunner.RunAsync(obs, ["--help"], TimeSpan.FromMinutes(1), temp.Path, Obs.Environment());
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("obs [command] [options]", help.Stdout, StringComparison.Ordinal);

        var check = await ProcessRunner.RunAsync(
            obs, ["check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", "2025-11-22T00:00:00Z", "--lookback", "7d"], TimeSpan.FromMinutes(2), temp.Path, Obs.Environment());
        Assert.True(check.ExitCode == 3, check.ToString());
        Assert.StartsWith("verdict=rollback ", check.StdoutLines[^1], StringComparison.Ordinal);
    }
}
