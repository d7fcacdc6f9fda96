using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observability.Internal;
using Observability.Providers.Sentry.Tests.Infrastructure;
using Sentry;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>The four registration overloads, start-up validation, and the isolation from the host's own Sentry.</summary>
public sealed class SentryAlertSinkRegistrationTests : SentrySinkTestBase
{
    [Fact]
    public async Task AddSentryAlertSink_WithDsn_ResolvesSinkNamedSentryThatDelivers()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddSentryAlertSink(o => o.Dsn = Server.Dsn);
        await using var provider = services.BuildServiceProvider();

        var sink = Assert.Single(provider.GetServices<IAlertSink>());

        Assert.IsType<SentryAlertSink>(sink);
        Assert.Equal("sentry", sink.Name);
        Assert.True((await sink.SendAsync([Alert()])).Succeeded);
        Assert.Single(Server.Received);
    }

    [Fact]
    public async Task AddSentryAlertSink_TwoNames_CoexistEachWithItsOwnProject()
    {
        await using var other = new LoopbackSentryServer("9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e");
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddSentryAlertSink("primary", o => o.Dsn = Server.Dsn)
            .AddSentryAlertSink("secondary", o => { o.Dsn = other.Dsn; o.Environment = "staging"; });
        await using var provider = services.BuildServiceProvider();
        var sinks = provider.GetServices<IAlertSink>().ToDictionary(static s => s.Name);

        await Task.WhenAll(sinks["primary"].SendAsync([Alert()]), sinks["secondary"].SendAsync([Alert()]));

        Assert.Equal(SdkDefaultEnvironment, Server.Single().Envelope.Event().Json().GetProperty("environment").GetString()); // the SDK's default
        Assert.Equal("staging", other.Single().Envelope.Event().Json().GetProperty("environment").GetString());
    }

    [Fact]
    public async Task AddSentryAlertSink_FromConfiguration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sentry:Dsn"] = Server.Dsn,
                ["Sentry:Environment"] = "canary",
                ["Sentry:Release"] = "checkout@3.0.0",
                ["Sentry:ServerName"] = "monitor-2",
                ["Sentry:Timeout"] = "00:00:05",
                ["Sentry:SendResolved"] = "true",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddSentryAlertSink(configuration.GetSection("Sentry"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<SentryAlertSinkOptions>>().Get("sentry");
        Assert.Equal(Server.Dsn, options.Dsn);
        Assert.Equal("canary", options.Environment);
        Assert.Equal("checkout@3.0.0", options.Release);
        Assert.Equal("monitor-2", options.ServerName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.True(options.SendResolved);

        await Assert.Single(provider.GetServices<IAlertSink>()).SendAsync([Alert() with { Status = AlertStatus.Resolved }]);
        Assert.Equal("info", Server.Single().Envelope.Event().Json().GetProperty("level").GetString());
    }

    [Fact]
    public void AddSentryAlertSink_SameNameTwice_ThrowsInvalidOperation()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x").AddSentryAlertSink(o => o.Dsn = Server.Dsn);

        var exception = Assert.Throws<InvalidOperationException>(() => builder.AddSentryAlertSink(o => o.Dsn = Server.Dsn));

        Assert.Contains("'sentry'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSentryAlertSink_BadOptions_FailValidationListingEveryProblemWithoutTheKey()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddSentryAlertSink(o =>
        {
            o.Dsn = $"http://{PublicKey}@127.0.0.1:9000/"; // no project id
            o.Timeout = TimeSpan.Zero;
            o.Environment = "prod/eu";
        });
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SentryAlertSinkOptions>>().Get("sentry"));

        Assert.Contains("SentryAlertSink:sentry:Dsn must end with the project id", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SentryAlertSink:sentry:Timeout must be positive", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SentryAlertSink:sentry:Environment must be 1 to 64 characters", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicKey, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Dsn is required")]
    [InlineData("not a dsn", "Dsn must be an absolute http or https address")]
    [InlineData("ftp://key@example.test/1", "Dsn must be an absolute http or https address")]
    [InlineData("https://sentry.example.test/1", "Dsn must carry the project's public key")]
    [InlineData("https://key@sentry.example.test", "Dsn must end with the project id")]
    public void Validator_BadDsn_NamesTheProblem(string? dsn, string problem)
    {
        var problems = SentryAlertSinkOptionsValidator.Problems("sentry", new SentryAlertSinkOptions { Dsn = dsn });

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.001, true)]
    [InlineData(300, true)] // exactly 5 minutes is allowed
    [InlineData(300.001, false)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void Validator_Timeout_IsPositiveAndAtMostFiveMinutes(double seconds, bool valid)
    {
        var options = new SentryAlertSinkOptions { Dsn = "https://key@sentry.example.test/1", Timeout = TimeSpan.FromSeconds(seconds) };

        Assert.Equal(valid, SentryAlertSinkOptionsValidator.Problems("sentry", options).Count == 0);
    }

    [Theory]
    [InlineData("checkout@2.4.1", true)]
    [InlineData(".", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("line\nbreak", false)]
    public void Validator_Release_FollowsSentrysRules(string release, bool valid)
    {
        var options = new SentryAlertSinkOptions { Dsn = "https://key@sentry.example.test/1", Release = release };

        Assert.Equal(valid, SentryAlertSinkOptionsValidator.Problems("sentry", options).Count == 0);
    }

    [Fact]
    public void Constructor_InvalidDsn_ThrowsNamingOptionsWithoutTheKey()
    {
        using var client = new HttpClient();
        var options = new SentryAlertSinkOptions { Dsn = $"http://{PublicKey}@127.0.0.1:9000/" };

        var exception = Assert.Throws<ArgumentException>(() => new SentryAlertSink("sentry", options, client, TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Equal("options", exception.ParamName);
        Assert.DoesNotContain(PublicKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheDsn()
    {
        var options = new SentryAlertSinkOptions { Dsn = Server.Dsn, Environment = "production" };

        var text = options.ToString();

        Assert.DoesNotContain(PublicKey, text, StringComparison.Ordinal);
        Assert.Contains("Dsn = (set)", text, StringComparison.Ordinal);
        Assert.Contains("Environment = production", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LeavesTheGlobalSentrySdkUntouched()
    {
        Assert.False(SentrySdk.IsEnabled);

        await Sink().SendAsync([Alert()]);

        // The sink used a client of its own: the static SDK was never initialized, so the host's setup (or absence of one) stands.
        Assert.False(SentrySdk.IsEnabled);
        Assert.Single(Server.Received);
    }

    // The SDK's own default: SENTRY_ENVIRONMENT when the machine sets it, else "production".
    private static string SdkDefaultEnvironment => Environment.GetEnvironmentVariable("SENTRY_ENVIRONMENT") is { Length: > 0 } set ? set : "production";
}
