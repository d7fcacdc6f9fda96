using System.Globalization;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

/// <summary>One deadline for a whole collection, the queries side by side, and redirects only on Prometheus' own host.</summary>
public sealed class PrometheusCollectorDeadlineTests
{
    private static readonly string Points = Matrix(
        (Unix(Start.AddMinutes(1)), "1"), (Unix(Start.AddMinutes(2)), "1"), (Unix(Start.AddMinutes(3)), "1"),
        (Unix(Start.AddMinutes(4)), "1"), (Unix(Start.AddMinutes(5)), "1"));

    [Fact]
    public async Task CollectAsync_ServerTricklingOneByteASecond_EndsAtTheCollectionDeadlineNamingEveryUnansweredQuery()
    {
        await using var server = new TricklingServer();
        var collector = Create(server.Address, o => o.CollectionTimeout = TimeSpan.FromSeconds(3)); // Timeout stays 30 s per query

        // Six queries of 30 s each, one after another, would take three minutes; the bound only stops a hang.
        var result = await collector.CollectAsync(FiveMinutes).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Timeout, error.Kind);
        Assert.Contains("within the collection's deadline (CollectionTimeout 3 s)", error.Message, StringComparison.Ordinal);
        foreach (var query in collector.QueryNames)
        {
            Assert.Contains($"'{query}'", error.Message, StringComparison.Ordinal); // every query that did not answer is named
        }

        Assert.InRange(server.Requests, 1, 6);
    }

    [Fact]
    public async Task CollectAsync_SixQueries_RunFourAtATimeAfterTheFirst()
    {
        var inFlight = 0;
        var most = 0;
        var arrived = 0;
        using var four = new ManualResetEventSlim();
        await using var server = new LoopbackHttpServer(request =>
        {
            if (Interlocked.Increment(ref arrived) == 1)
            {
                return LoopbackResponse.Json(Points); // the first query goes alone
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == 4)
            {
                four.Set();
            }

            four.Wait(TimeSpan.FromSeconds(20)); // one after another, this would wait out the 20 s for each query
            Interlocked.Decrement(ref inFlight);
            return LoopbackResponse.Json(Points);
        });
        var collector = Create(server.Address);

        var result = await collector.CollectAsync(FiveMinutes).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(6, server.Requests.Count);
        Assert.Equal(4, most); // side by side, never more than four at once
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CollectAsync_RedirectToAnotherHost_IsRefusedAndThatHostsAnswerIgnored(bool clientFollowsRedirects)
    {
        await using var other = new LoopbackHttpServer(_ => LoopbackResponse.Json(Points));
        await using var server = new LoopbackHttpServer(request => new LoopbackResponse(301, string.Empty, Headers: new Dictionary<string, string>
        {
            ["Location"] = new Uri(other.Address, request.Path.TrimStart('/')).ToString(),
        }));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = clientFollowsRedirects });
        var collector = Create(server.Address, client: client);

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Empty(result.Snapshots);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Unreachable, error.Kind);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"redirected to another host (http://127.0.0.1:{other.Address.Port})"), error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // a wall: the other queries are not sent
        Assert.Equal(clientFollowsRedirects ? 1 : 0, other.Requests.Count); // a client that follows got there, but its answer is not used
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CollectAsync_RedirectOnTheSameHost_IsFollowed(bool clientFollowsRedirects)
    {
        await using var server = new LoopbackHttpServer(request => request.Path.StartsWith("/moved/", StringComparison.Ordinal)
            ? LoopbackResponse.Json(Points)
            : new LoopbackResponse(308, string.Empty, Headers: new Dictionary<string, string> { ["Location"] = "/moved" + request.Path }));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = clientFollowsRedirects });
        var collector = Create(server.Address, o =>
        {
            o.Preset = PrometheusPreset.None;
            o.Queries["value"] = new PrometheusQuery { Expression = "x" };
        }, client: client);

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(5, result.Snapshots.Count);
        Assert.Equal(["/api/v1/query_range", "/moved/api/v1/query_range"], server.Requests.Select(static r => r.Path));
        Assert.Equal("x", server.Requests.Last().Form["query"]); // the form went along
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
