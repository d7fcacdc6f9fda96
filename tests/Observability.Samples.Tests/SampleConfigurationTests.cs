using Observability.Tests.Redis;

namespace Observability.Samples.Tests;

/// <summary>
/// The main sample's OBS_* variables: a malformed value stops it (exit 1) with a message naming the variable and never
/// the value; a <c>redis://</c> URI is read as the Redis it names, its password never printed.
/// </summary>
public sealed class SampleConfigurationTests
{
    [Theory]
    [InlineData("OBS_REDIS", ",,,=s3cr3t-pw", "OBS_REDIS names no valid endpoint")]
    [InlineData("OBS_REDIS", "redis://alice:s3cr3t-pw@127.0.0.1:6379/not-a-database", "OBS_REDIS is not a valid redis:// URI")]
    [InlineData("OBS_REDIS", "redis://alice:s3cr3t-pw@127.0.0.1:6379/?ssl=s3cr3t-pw", "OBS_REDIS is not a valid redis:// URI")]
    [InlineData("OBS_SENTRY_DSN", "https://s3cr3t-pw@127.0.0.1:9/not-a-number", "OBS_SENTRY_DSN must be a Sentry DSN")]
    [InlineData("OBS_SENTRY_DSN", "https://127.0.0.1:9/s3cr3t-pw", "OBS_SENTRY_DSN must be a Sentry DSN")]
    [InlineData("OBS_DISCORD_WEBHOOK_URL", "discord/s3cr3t-pw", "OBS_DISCORD_WEBHOOK_URL must be an absolute http or https address")]
    public async Task Run_MalformedVariable_ExitsOneNamingItWithoutTheValue(string variable, string value, string expected)
    {
        using var run = await SampleRun.StartAsync(environment: new Dictionary<string, string?> { [variable] = value });

        Assert.Equal(1, run.Outcome.ExitCode);
        Assert.Contains(expected, run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", run.Outcome.Stdout + run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RedisUriWithPasswordTwice_SecondRunSendsNothingNewAndThePasswordIsNeverPrinted()
    {
        await using var redis = await RedisServer.StartAsync(password: "s3cr3t-pw");
        var environment = new Dictionary<string, string?> { ["OBS_REDIS"] = $"redis://:s3cr3t-pw@127.0.0.1:{redis.Port}/0" };

        using var first = await SampleRun.StartAsync(environment: environment);
        using var second = await SampleRun.StartAsync(environment: environment);

        Assert.True(first.Outcome.ExitCode == 0, first.Outcome.ToString());
        Assert.True(second.Outcome.ExitCode == 0, second.Outcome.ToString());
        Assert.DoesNotMatch(@" alerts=0$", first.Outcome.Stdout.TrimEnd());
        Assert.EndsWith(" alerts=0", second.Outcome.Stdout.TrimEnd(), StringComparison.Ordinal); // the URI's Redis and password worked
        Assert.DoesNotContain("Redis dedupe store at", first.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", first.Outcome.Stdout + first.Outcome.Stderr + second.Outcome.Stdout + second.Outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RedisUriUnreachable_WarningsNameTheHostNeverThePassword()
    {
        var environment = new Dictionary<string, string?> { ["OBS_REDIS"] = "redis://alice:s3cr3t-pw@127.0.0.1:9/" };

        using var run = await SampleRun.StartAsync(environment: environment);

        Assert.True(run.Outcome.ExitCode == 0, run.Outcome.ToString());
        Assert.Contains("Redis dedupe store at 127.0.0.1:9", run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", run.Outcome.Stdout + run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", run.Outcome.Stdout + run.Outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GitHubVariables_TheNoteNamesTheVariablesNotTheRepository()
    {
        var environment = new Dictionary<string, string?>
        {
            ["OBS_GITHUB_TOKEN"] = "ghp_s3cr3t-pw",
            ["OBS_GITHUB_REPOSITORY"] = "acme/private-repo-name",
            ["OBS_GITHUB_API_URL"] = "http://127.0.0.1:9/",
        };

        using var run = await SampleRun.StartAsync(environment: environment);

        Assert.Contains("note: alerts open GitHub issues in the repository of OBS_GITHUB_REPOSITORY (OBS_GITHUB_TOKEN, OBS_GITHUB_API_URL)", run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("note: alerts open GitHub issues in acme", run.Outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", run.Outcome.Stdout + run.Outcome.Stderr, StringComparison.Ordinal);
    }
}
