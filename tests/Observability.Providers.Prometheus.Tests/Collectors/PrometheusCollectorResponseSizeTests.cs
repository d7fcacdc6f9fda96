using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

/// <summary><see cref="PrometheusCollectorOptions.MaxResponseBytes"/>: a bigger answer is a clear error of its query, never an out-of-memory.</summary>
public sealed class PrometheusCollectorResponseSizeTests
{
    private static readonly string Answer = Matrix((Unix(Start.AddMinutes(5)), "0.5"));
    private static readonly int AnswerBytes = Encoding.UTF8.GetByteCount(Answer); // under 1,000, so no digit grouping in the messages

    [Theory]
    [InlineData(false)] // Content-Length sent
    [InlineData(true)]  // no Content-Length: the body ends when the connection closes
    public async Task An_answer_of_exactly_MaxResponseBytes_is_read(bool withoutLength)
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, Answer, WithoutLength: withoutLength));
        var collector = Create(server.Address, Only("x", more: o => o.MaxResponseBytes = AnswerBytes));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(0.5, Assert.Single(result.Snapshots).GetValue("value"));
    }

    [Fact]
    public async Task A_Content_Length_one_byte_over_the_cap_is_refused_before_reading_naming_the_query_and_the_cap()
    {
        await using var server = new LoopbackHttpServer(Answer);
        var cap = AnswerBytes - 1;
        var collector = Create(server.Address, Only("x", more: o => o.MaxResponseBytes = cap));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionErrorKind.InvalidData, "value"), (error.Kind, error.Location));
        Assert.Equal(
            $"query 'value': Prometheus at {server.Address} announced an answer of {AnswerBytes} bytes (Content-Length), more than MaxResponseBytes ({cap} bytes); the answer was not read. Narrow the query (aggregate it with sum(...), a longer Step or a shorter window) or raise MaxResponseBytes",
            error.Message);
    }

    [Fact]
    public async Task An_answer_without_length_one_byte_over_the_cap_stops_being_read()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, Answer, WithoutLength: true));
        var cap = AnswerBytes - 1;
        var collector = Create(server.Address, Only("x", more: o => o.MaxResponseBytes = cap));

        var result = await collector.CollectAsync(FiveMinutes);

        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.InvalidData, "value"), (result.Status, error.Kind, error.Location));
        Assert.Equal(
            $"query 'value': Prometheus at {server.Address} sent an answer longer than MaxResponseBytes ({cap} bytes) without announcing its length; reading stopped there. Narrow the query (aggregate it with sum(...), a longer Step or a shorter window) or raise MaxResponseBytes",
            error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_16_MiB_answer_over_a_64_KiB_cap_fails_only_its_query_and_the_others_are_kept(bool withoutLength)
    {
        // "big" answers with 16 MiB of series (a label blown up to 16 MiB), "small" with one point.
        var huge = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"pod\":\"" + new string('p', 16 * 1024 * 1024) + "\"},\"value\":[1,\"1\"]}]}}";
        await using var server = new LoopbackHttpServer(r => r.Form["query"] == "big"
            ? new LoopbackResponse(200, huge, WithoutLength: withoutLength)
            : LoopbackResponse.Json(Answer));
        var collector = Create(server.Address, o =>
        {
            o.Preset = PrometheusPreset.None;
            o.Queries["big"] = new PrometheusQuery { Expression = "big" };
            o.Queries["small"] = new PrometheusQuery { Expression = "small" };
            o.MaxResponseBytes = 64 * 1024;
        });

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal(0.5, Assert.Single(result.Snapshots).GetValue("small"));
        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionErrorKind.InvalidData, "big"), (error.Kind, error.Location));
        Assert.Contains("than MaxResponseBytes (65,536 bytes)", error.Message, StringComparison.Ordinal); // 64 x 1024, grouped invariantly
        Assert.Contains(withoutLength ? "without announcing its length; reading stopped there" : "announced an answer of 16,777,3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData((1024L * 1024 * 1024) + 1)] // 1 GiB + 1
    public void MaxResponseBytes_outside_1_byte_to_1_GiB_is_a_start_up_problem(long bytes)
    {
        var options = new PrometheusCollectorOptions { Endpoint = new Uri("http://127.0.0.1:9090/"), Service = "checkout", MaxResponseBytes = bytes };

        var problems = Observability.Internal.PrometheusCollectorOptionsValidator.Problems("p", options);

        Assert.Equal([$"PrometheusCollector:p:MaxResponseBytes must be between 1 and 1073741824 bytes (1 GiB) (was {bytes})."], problems);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1024L * 1024 * 1024)] // exactly 1 GiB
    public void MaxResponseBytes_at_the_limits_is_valid(long bytes)
    {
        var options = new PrometheusCollectorOptions { Endpoint = new Uri("http://127.0.0.1:9090/"), Service = "checkout", MaxResponseBytes = bytes };

        Assert.Empty(Observability.Internal.PrometheusCollectorOptionsValidator.Problems("p", options));
    }

    [Fact]
    public void MaxResponseBytes_defaults_to_64_MiB_and_binds_from_configuration()
    {
        Assert.Equal(67_108_864L, new PrometheusCollectorOptions().MaxResponseBytes); // 64 x 1024 x 1024
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Prom:Endpoint"] = "http://127.0.0.1:9090/",
                ["Prom:Service"] = "checkout",
                ["Prom:MaxResponseBytes"] = "1048576",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddPrometheusCollector(configuration.GetSection("Prom"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PrometheusCollectorOptions>>().Get(PrometheusCollectorOptions.DefaultName);

        Assert.Equal(1_048_576L, options.MaxResponseBytes);
    }
}
