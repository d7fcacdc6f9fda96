using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Providers.Redis.Tests.Dedupe;

[Collection(RedisServerCollection.Name)]
public sealed class RedisDedupeStoreRegistrationTests(RedisServerFixture redis)
{
    [Fact]
    public async Task ConfigurationSection_BindsEveryOption_AndTheStoreWorks()
    {
        var prefix = RedisServerFixture.UniquePrefix("bound");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Endpoint,
            ["Redis:KeyPrefix"] = prefix,
            ["Redis:ConnectTimeout"] = "00:00:03",
            ["Redis:OperationTimeout"] = "00:00:01.500",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability().AddRedisDedupeStore(configuration.GetSection("Redis"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RedisDedupeStoreOptions>>().Value;
        Assert.Equal(prefix, options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1_500), options.OperationTimeout);
        Assert.True(await provider.GetRequiredService<IDedupeStore>().TryReserveAsync("fp", TimeSpan.FromMinutes(1)));
        Assert.True(await redis.Database.KeyExistsAsync(prefix + "fp"));
    }

    [Fact]
    public async Task ExistingConnection_NeedsNoConfigurationString_AndOutlivesTheContainer()
    {
        var prefix = RedisServerFixture.UniquePrefix("shared");
        var services = new ServiceCollection();
        services.AddObservability().AddRedisDedupeStore(redis.Connection, o => o.KeyPrefix = prefix);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.True(await provider.GetRequiredService<IDedupeStore>().TryReserveAsync("fp", TimeSpan.FromMinutes(1)));
        }

        Assert.True(redis.Connection.IsConnected);
        Assert.True(await redis.Database.KeyExistsAsync(prefix + "fp"));
    }

    [Fact]
    public void InvalidOptions_FailListingEveryProblem_WithoutTheConfigurationString()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddRedisDedupeStore(o =>
        {
            o.Configuration = "password=only-a-secret-x9";  // no endpoint
            o.KeyPrefix = string.Empty;
            o.ConnectTimeout = TimeSpan.Zero;
            o.OperationTimeout = TimeSpan.FromHours(1);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDedupeStore>());
        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("Configuration names no endpoint", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KeyPrefix must not be empty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ConnectTimeout must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("OperationTimeout must be positive and at most 10 minutes", StringComparison.Ordinal));
        Assert.DoesNotContain("only-a-secret-x9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConfiguration_IsReported()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddRedisDedupeStore(static _ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDedupeStore>());
        Assert.Contains("RedisDedupeStore:Configuration is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_NameTheirArguments()
    {
        var builder = new ServiceCollection().AddObservability();
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddRedisDedupeStore((Action<RedisDedupeStoreOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => builder.AddRedisDedupeStore((IConfigurationSection)null!)).ParamName);
        Assert.Equal("connection", Assert.Throws<ArgumentNullException>(() => builder.AddRedisDedupeStore((StackExchange.Redis.IConnectionMultiplexer)null!)).ParamName);
    }

    [Theory]
    [InlineData("redis://alice:s3cr3t-pw@127.0.0.1:6379")]
    [InlineData("rediss://:s3cr3t-pw@127.0.0.1:6380/2")]
    [InlineData(",,,=s3cr3t-pw")]
    public void AddRedisDedupeStore_EndpointThatIsNoHost_FailsAtStartWithoutTheValue(string configuration)
    {
        var services = new ServiceCollection();
        services.AddObservability().AddRedisDedupeStore(o => o.Configuration = configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDedupeStore>());

        var failure = Assert.Single(error.Failures);
        Assert.Contains("names an endpoint that is not a host name or address", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", error.Message, StringComparison.Ordinal);
    }
}
