using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Observability.Providers.Prometheus.Tests.Support;

/// <summary>Builds collectors for the tests, with a fresh HttpClient and optionally a FakeLogger.</summary>
internal static class TestCollectors
{
    /// <summary>2026-11-02T10:00Z, the start of the unit tests' windows.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Five minutes from <see cref="Start"/>: with the one-minute step, five points.</summary>
    public static readonly CollectionWindow FiveMinutes = CollectionWindow.Ending(Start.AddMinutes(5), TimeSpan.FromMinutes(5));

    public static PrometheusCollector Create(Uri endpoint, Action<PrometheusCollectorOptions>? configure = null, FakeLogCollector? logs = null, TimeProvider? time = null, HttpClient? client = null)
    {
        var options = new PrometheusCollectorOptions { Endpoint = endpoint, Service = "checkout" };
        configure?.Invoke(options);
        ILoggerFactory factory = logs is null ? NullLoggerFactory.Instance : new LoggerFactory([new FakeLoggerProvider(logs)]);
        return new PrometheusCollector("prom", options, client ?? new HttpClient(), time ?? TimeProvider.System, factory);
    }

    /// <summary>Options with one custom query filling <paramref name="metric"/> and no preset.</summary>
    public static Action<PrometheusCollectorOptions> Only(string expression, string metric = "value", Action<PrometheusCollectorOptions>? more = null) => o =>
    {
        o.Preset = PrometheusPreset.None;
        o.Queries[metric] = new PrometheusQuery { Expression = expression };
        more?.Invoke(o);
    };

    /// <summary>A Unix time in seconds, as Prometheus writes it.</summary>
    public static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    /// <summary>A matrix answer of one series with the given values at the given Unix times.</summary>
    public static string Matrix(params (long Time, string Value)[] points)
        => "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
           + string.Join(",", points.Select(static p => $"[{p.Time},\"{p.Value}\"]")) + "]}]}}";

    public const string EmptyMatrix = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
}
