namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>The Redis tests share the servers of one <see cref="RedisServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RedisServerCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "real redis";
}
