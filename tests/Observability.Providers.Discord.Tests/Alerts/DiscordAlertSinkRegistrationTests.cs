using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>The four overloads, start-up validation with every problem listed, and the webhook URL never shown.</summary>
public sealed class DiscordAlertSinkRegistrationTests
{
    private const string Secret = "sEcReT-token_value-0123456789";

    [Fact]
    public async Task FourOverloads_RegisterSinksNamedAsExpected_ThatPostToTheWebhook()
    {
        await using var server = new DiscordWebhookServer();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:WebhookUrl"] = server.WebhookUrl.ToString() })
            .Build();

        var sinks = new List<IAlertSink>();
        foreach (var register in new Action<IObservabilityBuilder>[]
        {
            b => b.AddDiscordAlertSink(),
            b => b.AddDiscordAlertSink(o => o.WebhookUrl = server.WebhookUrl),
            b => b.AddDiscordAlertSink("oncall", o => o.WebhookUrl = server.WebhookUrl),
            b => b.AddDiscordAlertSink(configuration.GetSection("Discord")),
        })
        {
            var services = new ServiceCollection();
            register(services.AddObservability(o => o.ServiceName = "checkout"));
            services.Configure<DiscordAlertSinkOptions>(DiscordAlertSinkOptions.DefaultName, o => o.WebhookUrl ??= server.WebhookUrl); // for ()
            await using var provider = services.BuildServiceProvider();
            var sink = Assert.IsType<DiscordAlertSink>(Assert.Single(provider.GetServices<IAlertSink>()));
            Assert.True((await sink.SendAsync([Alert()])).Succeeded);
            sinks.Add(sink);
        }

        Assert.Equal(["discord", "discord", "oncall", "discord"], sinks.Select(s => s.Name));
        Assert.Equal(4, server.Accepted.Count);
    }

    [Fact]
    public void TwoNamedSinks_Coexist_TheSameNameTwiceThrows()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x")
            .AddDiscordAlertSink("oncall", o => o.WebhookUrl = new Uri("https://discord.com/api/webhooks/1/a"))
            .AddDiscordAlertSink("chat", o => o.WebhookUrl = new Uri("https://discord.com/api/webhooks/2/b"));
        using var provider = builder.Services.BuildServiceProvider();

        Assert.Equal(["chat", "oncall"], provider.GetServices<IAlertSink>().Select(s => s.Name).Order(StringComparer.Ordinal));
        var e = Assert.Throws<InvalidOperationException>(() => builder.AddDiscordAlertSink("chat", _ => { }));
        Assert.Contains("'chat'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAWebhookUrl_StartUpValidationSaysItIsRequired()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddDiscordAlertSink();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<DiscordAlertSinkOptions>>().Get("discord"));

        Assert.Contains("DiscordAlertSink:discord:WebhookUrl is required", e.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAlertSink>().ToList());
    }

    [Theory]
    [InlineData("http://discord.com/api/webhooks/123/" + Secret, "must use https (http is allowed only on a loopback host, for tests)")]
    [InlineData("https://discord.com/api/channels/123/" + Secret, "must have the path /api/webhooks/{id}/{token}")]
    [InlineData("https://discord.com/api/webhooks/abc/" + Secret, "with a numeric id")]
    [InlineData("https://discord.com/api/webhooks/123/" + Secret + "/slack", "must have the path")]
    [InlineData("https://user:" + Secret + "@discord.com/api/webhooks/123/abc", "must not hold user credentials")]
    [InlineData("ftp://discord.com/api/webhooks/123/" + Secret, "must be an absolute https address")]
    public void BadWebhookUrl_NamedWithoutEchoingIt(string url, string problem)
    {
        var options = new DiscordAlertSinkOptions { WebhookUrl = new Uri(url) };

        var e = Assert.Throws<ArgumentException>(() => new DiscordAlertSink("discord", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("DiscordAlertSink:discord:WebhookUrl ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("discord.com", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123/abc")]
    [InlineData("https://discord.com/api/v10/webhooks/123/abc")]
    [InlineData("https://canary.discord.com/api/v9/webhooks/123/abc-DEF_1")]
    [InlineData("http://localhost:8080/api/webhooks/123/abc")]
    [InlineData("http://[::1]:8080/api/webhooks/123/abc")]
    public void GoodWebhookUrls_AreAccepted(string url)
    {
        var options = new DiscordAlertSinkOptions { WebhookUrl = new Uri(url) };

        var sink = new DiscordAlertSink("discord", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Equal("discord", sink.Name);
    }

    [Fact]
    public void EveryOtherBadOption_IsListedInOneMessage()
    {
        var options = new DiscordAlertSinkOptions
        {
            WebhookUrl = new Uri("https://discord.com/api/webhooks/123/" + Secret),
            Username = "Discord Alerts",
            AvatarUrl = new Uri("avatar.png", UriKind.Relative),
            ThreadId = 0,
            Timeout = TimeSpan.Zero,
        };

        var e = Assert.Throws<ArgumentException>(() => new DiscordAlertSink("oncall", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance));

        foreach (var expected in new[]
        {
            "DiscordAlertSink:oncall:Username must not contain 'discord' or 'clyde'",
            "DiscordAlertSink:oncall:AvatarUrl must be an absolute http or https address when set.",
            "DiscordAlertSink:oncall:ThreadId must be a thread's id",
            "DiscordAlertSink:oncall:Timeout must be positive and at most 5 minutes (was 00:00:00).",
        })
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("WebhookUrl", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsernameOf81Characters_IsRefused_80_Accepted()
    {
        var url = new Uri("https://discord.com/api/webhooks/123/abc");

        var e = Assert.Throws<ArgumentException>(() => new DiscordAlertSink("d", new DiscordAlertSinkOptions { WebhookUrl = url, Username = new string('u', 81) }, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance));
        _ = new DiscordAlertSink("d", new DiscordAlertSinkOptions { WebhookUrl = url, Username = new string('u', 80) }, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Contains("Username must be 1 to 80 characters when set (was 81).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsToString_HidesTheWebhookUrl()
    {
        var options = new DiscordAlertSinkOptions { WebhookUrl = new Uri("https://discord.com/api/webhooks/123/" + Secret), Username = "release-health" };

        var text = options.ToString();

        Assert.Equal("DiscordAlertSinkOptions { WebhookUrl = (set, hidden), BotToken = (not set), ChannelId = (none), Username = release-health, ThreadId = (none), Timeout = 00:00:10 }", text);
    }

    [Fact]
    public void Configuration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:WebhookUrl"] = "https://discord.com/api/webhooks/123/abc",
                ["Discord:Username"] = "release-health",
                ["Discord:AvatarUrl"] = "https://cdn.example.test/a.png",
                ["Discord:ThreadId"] = "1234567890123456789",
                ["Discord:Timeout"] = "00:00:05",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddDiscordAlertSink(configuration.GetSection("Discord"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<DiscordAlertSinkOptions>>().Get("discord");

        Assert.Equal(new Uri("https://discord.com/api/webhooks/123/abc"), options.WebhookUrl);
        Assert.Equal("release-health", options.Username);
        Assert.Equal(new Uri("https://cdn.example.test/a.png"), options.AvatarUrl);
        Assert.Equal(1234567890123456789UL, options.ThreadId);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
    }
}
