using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observability.Internal;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

public sealed class GitHubIssueAlertSinkOptionsTests
{
    private const string Token = GitHubIssueScenario.Token;

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new GitHubIssueAlertSinkOptions();

        Assert.Null(options.Labels);
        Assert.Equal(["observability", "auto-generated"], GitHubIssueAlertSinkOptions.DefaultLabels);
        Assert.True(options.CloseOnResolve);
        Assert.False(options.UseCheckRuns);
        Assert.Equal("observability/release-health", options.StatusContext);
        Assert.Equal(300, options.MaxOpenIssuesScanned);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal("github-issues", GitHubIssueAlertSinkOptions.DefaultName);
    }

    [Fact]
    public void Validate_Defaults_ListsRepositoryAndToken()
    {
        var result = new GitHubIssueAlertSinkOptionsValidator().Validate("gh", new GitHubIssueAlertSinkOptions());

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("GitHubIssueAlertSink:gh:Repository is required, as 'owner/name'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("GitHubIssueAlertSink:gh:Token is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryProblem_ListedOnceWithoutTheToken()
    {
        var options = new GitHubIssueAlertSinkOptions
        {
            Repository = "octo-org",
            Token = Token + " x",
            ApiUrl = new Uri("/api/v3", UriKind.Relative),
            Labels = [" "],
            StatusContext = " ",
            StatusSha = "not-a-sha",
            MaxOpenIssuesScanned = 0,
            Timeout = TimeSpan.Zero,
        };

        var result = new GitHubIssueAlertSinkOptionsValidator().Validate(null, options);

        Assert.Equal(8, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Repository 'octo-org' must be 'owner/name'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("ApiUrl must be an absolute http or https address", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("MaxOpenIssuesScanned must be between 1 and 1000 (was 0)", StringComparison.Ordinal));
        Assert.All(result.Failures!, f => Assert.DoesNotContain(Token, f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("octo-org/octo-repo", true)]
    [InlineData(" octo-org/octo-repo ", true)]
    [InlineData("octo-org/", false)]
    [InlineData("/octo-repo", false)]
    [InlineData("a/b/c", false)]
    [InlineData("octo org/octo-repo", false)]
    public void Validate_RepositoryFormat(string repository, bool valid)
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = repository, Token = Token };

        Assert.Equal(valid, new GitHubIssueAlertSinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validate_MaxOpenIssuesScannedBounds(int max, bool valid)
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = "o/r", Token = Token, MaxOpenIssuesScanned = max };

        Assert.Equal(valid, new GitHubIssueAlertSinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0.001, true)]
    [InlineData(3600, true)]
    [InlineData(3600.001, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void Validate_TimeoutBounds(double seconds, bool valid)
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = "o/r", Token = Token, Timeout = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(valid, new GitHubIssueAlertSinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5e", true)]
    [InlineData("6DCB09B5B57875F334F61AEBED695E2E4193DB5E", true)]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5", false)] // 39
    [InlineData("6dcb09b", false)]                                 // abbreviated: the statuses API needs the full SHA
    [InlineData("main", false)]
    public void Validate_StatusSha(string sha, bool valid)
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = "o/r", Token = Token, StatusSha = sha };

        Assert.Equal(valid, new GitHubIssueAlertSinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ApiUrlWithCredentials_RejectedWithoutShowingThem()
    {
        var options = new GitHubIssueAlertSinkOptions { Repository = "o/r", Token = Token, ApiUrl = new Uri($"https://x:{Token}@github.example.com/") };

        var failure = Assert.Single(new GitHubIssueAlertSinkOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("ApiUrl must not carry credentials", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_HidesTheTokenAndApiUrlCredentials()
    {
        var text = new GitHubIssueAlertSinkOptions { Repository = "o/r", Token = Token, ApiUrl = new Uri($"https://x:{Token}@github.example.com/api?key={Token}") }.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Equal("GitHubIssueAlertSinkOptions { Repository = o/r, ApiUrl = https://github.example.com, Token = *** }", text);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingOptionsWithEveryProblem()
    {
        using var handler = new SocketsHttpHandler();
        var options = new GitHubIssueAlertSinkOptions { Repository = "octo-org", Token = Token + " x" };

        var error = Assert.Throws<ArgumentException>(() => new GitHubIssueAlertSink("gh", options, handler, TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Repository 'octo-org' must be 'owner/name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Token contains white space", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGitHubIssueAlertSink_InvalidOptions_FailsAtResolutionListingProblems()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddGitHubIssueAlertSink();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAlertSink>().ToList());

        Assert.Contains("Repository is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Token is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGitHubIssueAlertSink_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddObservability().AddGitHubIssueAlertSink(o => { o.Repository = "o/r"; o.Token = Token; });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddGitHubIssueAlertSink(o => { o.Repository = "o/r"; o.Token = Token; }));

        Assert.Contains("'github-issues'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGitHubIssueAlertSink_FourOverloads_RegisterNamedSinks_ConfigurationBoundSinkDelivers()
    {
        await using var scenario = new GitHubIssueScenario();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:Repository"] = GitHubIssueScenario.Repository,
            ["GitHub:Token"] = Token,
            ["GitHub:ApiUrl"] = scenario.Server.BaseAddress.ToString(),
            ["GitHub:Labels:0"] = "ops",
            ["GitHub:CloseOnResolve"] = "false",
            ["GitHub:Timeout"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability()
            .AddGitHubIssueAlertSink(configuration.GetSection("GitHub"))
            .AddGitHubIssueAlertSink("second", o => { o.Repository = "o/r"; o.Token = Token; })
            .AddGitHubIssueAlertSink("third", o => { o.Repository = "o/r"; o.Token = Token; });
        await using var provider = services.BuildServiceProvider();

        var sinks = provider.GetServices<IAlertSink>().ToList();
        Assert.Equal(["github-issues", "second", "third"], sinks.Select(s => s.Name));
        Assert.All(sinks, s => Assert.IsType<GitHubIssueAlertSink>(s));
        var bound = provider.GetRequiredService<IOptionsMonitor<GitHubIssueAlertSinkOptions>>().Get(GitHubIssueAlertSinkOptions.DefaultName);
        Assert.Equal(["ops"], bound.Labels!); // replaces the defaults instead of adding to them
        Assert.False(bound.CloseOnResolve);
        Assert.Equal(TimeSpan.FromSeconds(30), bound.Timeout);

        var result = await sinks[0].SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var sent = JsonNode.Parse(Assert.Single(scenario.Requests("POST", "/issues")).Body)!;
        Assert.Equal(["ops", "critical", "persistent"], sent["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }
}
