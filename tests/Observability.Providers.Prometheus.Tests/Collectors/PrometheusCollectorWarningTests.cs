using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

/// <summary>Prometheus' <c>warnings</c> (documented: present only when non-empty) reach the result, not only the log.</summary>
public sealed class PrometheusCollectorWarningTests
{
    [Fact]
    public async Task Each_querys_warnings_are_attached_in_query_order_prefixed_with_its_name()
    {
        // Query a answers with two warnings, b with one, c with none (the field is absent, as Prometheus leaves it out).
        await using var server = new LoopbackHttpServer(r => LoopbackResponse.Json(r.Form["query"] switch
        {
            "a" => WithWarnings(Matrix((Unix(Start.AddMinutes(5)), "1")), "PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"x\"", "remote read: store eu-1 did not answer"),
            "b" => WithWarnings(Matrix((Unix(Start.AddMinutes(5)), "2")), "PromQL warning: encountered a mix of histograms and floats for metric name \"y\""),
            _ => Matrix((Unix(Start.AddMinutes(5)), "3")),
        }));
        var collector = Create(server.Address, Queries("a", "b", "c"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status); // warnings do not turn a success into a partial result
        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                "query 'a': PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"x\"",
                "query 'a': remote read: store eu-1 did not answer",
                "query 'b': PromQL warning: encountered a mix of histograms and floats for metric name \"y\"",
            ],
            result.Warnings);
        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal((1.0, 2.0, 3.0), (snapshot.GetValue("a"), snapshot.GetValue("b"), snapshot.GetValue("c")));
    }

    [Fact]
    public async Task No_warnings_field_and_an_empty_list_both_give_no_warnings()
    {
        await using var server = new LoopbackHttpServer(r => LoopbackResponse.Json(r.Form["query"] == "a"
            ? Matrix((Unix(Start.AddMinutes(5)), "1"))
            : WithWarnings(Matrix((Unix(Start.AddMinutes(5)), "2")))));
        var collector = Create(server.Address, Queries("a", "b"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Warnings_of_a_query_without_data_are_kept_on_the_no_data_result()
    {
        await using var server = new LoopbackHttpServer(WithWarnings(EmptyMatrix, "PromQL info: metric might not be a counter"));
        var collector = Create(server.Address, Queries("a"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Equal(["query 'a': PromQL info: metric might not be a counter"], result.Warnings);
    }

    [Fact]
    public async Task Warnings_met_before_a_refusal_are_kept_on_the_failed_result()
    {
        // a answers with a warning (alone, first); b is refused (401), which ends the collection; c goes side by side with b.
        await using var server = new LoopbackHttpServer(r => r.Form["query"] switch
        {
            "a" => LoopbackResponse.Json(WithWarnings(Matrix((Unix(Start.AddMinutes(5)), "1")), "partial answer")),
            "b" => new LoopbackResponse(401, "Unauthorized", "text/plain"),
            _ => LoopbackResponse.Json(Matrix((Unix(Start.AddMinutes(5)), "3"))),
        });
        var collector = Create(server.Address, Queries("a", "b", "c"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.Unauthorized), (result.Status, Assert.Single(result.Errors).Kind));
        Assert.Equal(["query 'a': partial answer"], result.Warnings);
        Assert.InRange(server.Requests.Count, 2, 3); // c may have been asked beside b; its answer is not used
    }

    [Fact]
    public async Task Blank_warnings_are_dropped_and_the_rest_trimmed()
    {
        await using var server = new LoopbackHttpServer(WithWarnings(Matrix((Unix(Start.AddMinutes(5)), "1")), " ", "  slow store  "));
        var collector = Create(server.Address, Queries("a"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(["query 'a': slow store"], result.Warnings);
    }

    /// <summary>Custom queries named after their expressions, each filling the metric of its name; no preset.</summary>
    private static Action<PrometheusCollectorOptions> Queries(params string[] names) => o =>
    {
        o.Preset = PrometheusPreset.None;
        foreach (var name in names)
        {
            o.Queries[name] = new PrometheusQuery { Expression = name };
        }
    };

    /// <summary>The answer with a top-level <c>warnings</c> array, as Prometheus writes it after <c>status</c>.</summary>
    private static string WithWarnings(string answer, params string[] warnings)
        => answer.Replace(
            "{\"status\":\"success\",",
            "{\"status\":\"success\",\"warnings\":[" + string.Join(",", warnings.Select(static w => System.Text.Json.JsonSerializer.Serialize(w))) + "],",
            StringComparison.Ordinal);
}
