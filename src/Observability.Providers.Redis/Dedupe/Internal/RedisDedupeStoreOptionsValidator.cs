using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="RedisDedupeStoreOptions"/> in one failure; never shows the configuration string (it may hold a password).</summary>
internal sealed class RedisDedupeStoreOptionsValidator : IValidateOptions<RedisDedupeStoreOptions>
{
    private const string Prefix = "RedisDedupeStore";

    public ValidateOptionsResult Validate(string? name, RedisDedupeStoreOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(RedisDedupeStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!options.UsesExistingConnection)
        {
            if (string.IsNullOrWhiteSpace(options.Configuration))
            {
                problems.Add($"{Prefix}:Configuration is required (a StackExchange.Redis configuration string, e.g. 127.0.0.1:6379).");
            }
            else
            {
                try
                {
                    var endpoints = ConfigurationOptions.Parse(options.Configuration).EndPoints;
                    if (endpoints.Count == 0)
                    {
                        problems.Add($"{Prefix}:Configuration names no endpoint (host:port).");
                    }
                    else if (endpoints.Any(static e => e is System.Net.DnsEndPoint dns && Uri.CheckHostName(dns.Host) == UriHostNameType.Unknown))
                    {
                        // StackExchange.Redis reads "redis://user:password@host" as a host name: refused, never echoed.
                        problems.Add($"{Prefix}:Configuration names an endpoint that is not a host name or address (a redis:// URI is not a StackExchange.Redis configuration string: write host:port,user=...,password=...,ssl=true; the value is not shown).");
                    }
                }
                catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or RedisException)
                {
                    // The parser's message may quote the string, password included: only its type is shown.
                    problems.Add($"{Prefix}:Configuration cannot be parsed as a StackExchange.Redis configuration string ({e.GetType().Name}).");
                }
            }
        }

        if (string.IsNullOrEmpty(options.KeyPrefix))
        {
            problems.Add($"{Prefix}:KeyPrefix must not be empty (it keeps the store's keys apart from the application's).");
        }

        Check(problems, "ConnectTimeout", options.ConnectTimeout);
        Check(problems, "OperationTimeout", options.OperationTimeout);
        return problems;
    }

    private static void Check(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{name} must be positive and at most 10 minutes (was {value})."));
        }
    }
}
