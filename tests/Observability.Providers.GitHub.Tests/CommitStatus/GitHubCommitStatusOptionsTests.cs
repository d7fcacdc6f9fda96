using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observability.Internal;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.CommitStatus;

/// <summary>The commit status's options: every problem at once, the token never shown, off until added.</summary>
public sealed class GitHubCommitStatusOptionsTests
{
    private const string Token = GitHubCommitStatusScenario.Token;

    [Fact]
    public void Validate_Empty_ListsRepositoryTokenAndSha()
    {
        var failures = new GitHubCommitStatusOptionsValidator().Validate("gate", new GitHubCommitStatusOptions()).Failures!.ToArray();

        Assert.Equal(3, failures.Length);
        Assert.StartsWith("GitHubCommitStatus:gate:Repository is required", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("GitHubCommitStatus:gate:Token is required", failures[1], StringComparison.Ordinal);
        Assert.StartsWith("GitHubCommitStatus:gate:Sha is required", failures[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5e", true)]
    [InlineData("6DCB09B5B57875F334F61AEBED695E2E4193DB5E", true)]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5", false)] // 39
    [InlineData("6dcb09b", false)]                                 // abbreviated: GitHub does not apply the status
    [InlineData("main", false)]
    public void Validate_Sha(string sha, bool valid)
    {
        var options = new GitHubCommitStatusOptions { Repository = "o/r", Token = Token, Sha = sha };

        Assert.Equal(valid, new GitHubCommitStatusOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_EachNamedAndTheTokenNeverShown()
    {
        var options = new GitHubCommitStatusOptions
        {
            Repository = "octo-org",
            Token = Token,
            Sha = GitHubCommitStatusScenario.Sha,
            ApiUrl = new Uri($"https://x:{Token}@github.example.com/"),
            TargetUrl = new Uri("ftp://ci.example.test/run/1"),
            Context = " ",
            Timeout = TimeSpan.Zero,
        };

        var failures = new GitHubCommitStatusOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(5, failures.Length);
        Assert.Contains(failures, f => f.StartsWith("GitHubCommitStatus:Repository 'octo-org' must be 'owner/name'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("GitHubCommitStatus:ApiUrl must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("GitHubCommitStatus:TargetUrl must be an absolute http or https address", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("GitHubCommitStatus:Context is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("GitHubCommitStatus:Timeout must be positive", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain(Token, f, StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_HidesTheToken()
    {
        var text = new GitHubCommitStatusOptions { Repository = "o/r", Token = Token, Sha = GitHubCommitStatusScenario.Sha }.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("Token = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGitHubCommitStatus_MissingSha_ValidationNamesIt()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddGitHubCommitStatus(o =>
        {
            o.Repository = "octo-org/octo-repo";
            o.Token = Token;
        });
        using var provider = services.BuildServiceProvider();

        var problem = Assert.Single(provider.ValidateObservabilityOptions());

        Assert.Contains("GitHubCommitStatus:github-commit-status:Sha is required", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AddObservability_WithoutCommitStatus_NoObserver()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddGitHubIssueAlertSink(o =>
        {
            o.Repository = "octo-org/octo-repo";
            o.Token = Token;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<IMonitoringPassObserver>());
    }

    [Fact]
    public void AddGitHubCommitStatus_FromConfiguration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Status:Repository"] = "octo-org/octo-repo",
            ["Status:Token"] = Token,
            ["Status:Sha"] = GitHubCommitStatusScenario.Sha,
            ["Status:ApiUrl"] = "http://127.0.0.1:1/",
            ["Status:Context"] = "observability/release-health (checkout)",
            ["Status:TargetUrl"] = "http://127.0.0.1:1/runs/42",
            ["Status:FailOnHold"] = "true",
            ["Status:Timeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddGitHubCommitStatus(configuration.GetSection("Status"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<GitHubCommitStatusOptions>>().Get(GitHubCommitStatusOptions.DefaultName);

        Assert.Empty(provider.ValidateObservabilityOptions());
        Assert.Equal("observability/release-health (checkout)", options.Context);
        Assert.True(options.FailOnHold);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(new Uri("http://127.0.0.1:1/runs/42"), options.TargetUrl);
        Assert.IsType<GitHubCommitStatusObserver>(Assert.Single(provider.GetServices<IMonitoringPassObserver>()));
    }
}
