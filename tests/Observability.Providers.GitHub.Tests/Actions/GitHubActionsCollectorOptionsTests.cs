using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observability.Internal;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class GitHubActionsCollectorOptionsTests
{
    private const string Token = "ghp_SECRETtoken0123456789abcdefghijklmnop";

    [Fact]
    public void Validate_Defaults_ListsOwnerAndRepository()
    {
        var result = new GitHubActionsCollectorOptionsValidator().Validate("gha", new GitHubActionsCollectorOptions());

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("GitHubActionsCollector:gha:Owner is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("GitHubActionsCollector:gha:Repository is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryProblem_ListedOnceWithoutTheSecrets()
    {
        var options = new GitHubActionsCollectorOptions
        {
            Owner = "octo-org/octo-repo",
            Repository = "octo repo",
            Workflow = ".github/workflows/ci.yml",
            Branch = " ",
            Token = Token + " x",
            ApiUrl = new Uri("https://user:" + Token + "@github.example.com/"),
            MaxRuns = 0,
        };

        var result = new GitHubActionsCollectorOptionsValidator().Validate("gha", options);

        Assert.Equal(7, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("MaxRuns must be between 1 and 1000 (was 0)", StringComparison.Ordinal));
        Assert.All(result.Failures!, f => Assert.DoesNotContain(Token, f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Validate_MaxRunsBounds(int maxRuns, bool valid)
    {
        var options = new GitHubActionsCollectorOptions { Owner = "octo-org", Repository = "octo-repo", MaxRuns = maxRuns };

        Assert.Equal(valid, new GitHubActionsCollectorOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_RelativeOrFtpApiUrl_Rejected()
    {
        var validator = new GitHubActionsCollectorOptionsValidator();

        Assert.True(validator.Validate(null, new GitHubActionsCollectorOptions { Owner = "o", Repository = "r", ApiUrl = new Uri("/api/v3", UriKind.Relative) }).Failed);
        Assert.True(validator.Validate(null, new GitHubActionsCollectorOptions { Owner = "o", Repository = "r", ApiUrl = new Uri("ftp://github.example.com/") }).Failed);
        Assert.True(validator.Validate(null, new GitHubActionsCollectorOptions { Owner = "o", Repository = "r", ApiUrl = new Uri("https://github.example.com/") }).Succeeded);
    }

    [Fact]
    public void ToString_WithToken_HidesIt()
    {
        var text = new GitHubActionsCollectorOptions { Owner = "o", Repository = "r", Token = Token }.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("Token = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGitHubActionsCollector_InvalidOptions_FailsAtResolutionListingProblems()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddGitHubActionsCollector(o => o.Owner = "octo-org");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICollector>().ToList());

        Assert.Contains("Repository is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGitHubActionsCollector_FourOverloads_RegisterNamedCollectors()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:Owner"] = "octo-org",
            ["GitHub:Repository"] = "octo-repo",
            ["GitHub:ApiUrl"] = "http://127.0.0.1:1/",
            ["GitHub:MaxRuns"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability()
            .AddGitHubActionsCollector(configuration.GetSection("GitHub"))
            .AddGitHubActionsCollector("second", o => { o.Owner = "octo-org"; o.Repository = "other"; });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["github-actions", "second"], provider.GetServices<ICollector>().Select(c => c.Name));
        var bound = provider.GetRequiredService<IOptionsMonitor<GitHubActionsCollectorOptions>>().Get(GitHubActionsCollectorOptions.DefaultName);
        Assert.Equal(5, bound.MaxRuns);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), bound.ApiUrl);
    }

    [Fact]
    public void AddGitHubActionsCollector_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddObservability().AddGitHubActionsCollector(o => { o.Owner = "o"; o.Repository = "r"; });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddGitHubActionsCollector(o => { o.Owner = "o"; o.Repository = "r"; }));

        Assert.Contains("'github-actions'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingRepository_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new GitHubActionsCollector("gha", new GitHubActionsCollectorOptions { Owner = "o" }, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Repository", error.Message, StringComparison.Ordinal);
    }
}
