using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Logs;

public sealed class JsonLogCollectorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 11, 17, 10, 0, 0, TimeSpan.Zero);
    private static readonly CollectionWindow Window = new(Start, Start.AddMinutes(2));
    private readonly string _folder = Directory.CreateTempSubdirectory("observability-logs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Line(int second, string service, int status, double duration)
        => $$"""{"timestamp":"{{Start.AddSeconds(second):O}}","service":"{{service}}","status_code":{{status}},"duration_ms":{{duration}}}""";

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\r\n", lines), new UTF8Encoding(false));
        return path;
    }

    private static JsonLogCollector Collector(JsonLogCollectorOptions options)
        => new("logs", options, new FakeTimeProvider(), NullLoggerFactory.Instance);

    [Fact]
    public async Task CollectAsync_FileWithServicesAndBadLines_PartialWithOneSnapshotPerBucket()
    {
        var path = Write(
            "app.jsonl",
            Line(-1, "checkout", 200, 5), // before the window
            Line(10, "checkout", 200, 10),
            Line(20, "CHECKOUT", 500, 30), // the service filter ignores case
            Line(30, "search", 500, 99), // another service
            "{\"timestamp\":\"nope\"}", // line 5: rejected
            Line(70, "checkout", 200, 20),
            Line(120, "checkout", 200, 1)); // at the window's end: outside

        var result = await Collector(new JsonLogCollectorOptions { Path = path, Service = "checkout" }).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Equal("app.jsonl, line 5", error.Location);
        Assert.StartsWith("InvalidField: field 'timestamp' must be an ISO 8601", error.Message, StringComparison.Ordinal);
        Assert.Equal([Start, Start.AddMinutes(1)], result.Snapshots.Select(s => s.Timestamp));
        var first = result.Snapshots[0];
        Assert.Equal(2, first.GetValue(WellKnownMetrics.RequestCount)); // 10 s and 20 s
        Assert.Equal(0.5, first.GetValue(WellKnownMetrics.ErrorRate)); // one 500 of 2
        Assert.Equal(30, first.GetValue(WellKnownMetrics.LatencyP99)); // nearest rank of 10, 30
        Assert.Equal("logs", first.Source);
        Assert.Equal(1, result.Snapshots[1].GetValue(WellKnownMetrics.RequestCount));
    }

    [Fact]
    public async Task CollectAsync_Folder_ReadsMatchingFilesOnly()
    {
        Write("a.jsonl", Line(1, "x", 200, 1));
        Write("b.jsonl", Line(2, "x", 503, 1));
        Write("c.txt", Line(3, "x", 200, 1));

        var result = await Collector(new JsonLogCollectorOptions { Path = _folder, Source = "web" }).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal(2, snapshot.GetValue(WellKnownMetrics.RequestCount)); // c.txt does not match *.jsonl
        Assert.Equal("web", snapshot.Source);
    }

    [Fact]
    public async Task CollectAsync_MissingFile_FailsWithoutThrowing()
    {
        var result = await Collector(new JsonLogCollectorOptions { Path = Path.Combine(_folder, "none.jsonl") }).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Unreachable, error.Kind);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_NothingInWindow_NoData()
    {
        var path = Write("old.jsonl", Line(-60, "x", 200, 1), "", Line(-30, "x", 200, 1)); // 3 lines, one empty

        var result = await Collector(new JsonLogCollectorOptions { Path = path }).CollectAsync(Window);

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Contains("(3 lines read from 1 file(s))", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_ManyBadLines_FirstHundredListedRestCounted()
    {
        var path = Write("bad.jsonl", [.. Enumerable.Repeat("{", 150), Line(1, "x", 200, 1)]);

        var result = await Collector(new JsonLogCollectorOptions { Path = path }).CollectAsync(Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal(101, result.Errors.Count); // 100 listed + 1 that counts the other 50
        Assert.Equal("50 more lines rejected (only the first 100 are listed; 150 in all)", result.Errors[^1].Message);
        Assert.Single(result.Snapshots);
    }

    [Fact]
    public async Task AddJsonLogCollector_FourOverloads_RegisterAndValidate()
    {
        var path = Write("app.jsonl", Line(1, "x", 200, 1));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logs:Path"] = path, ["Logs:Bucket"] = "00:00:30", ["Logs:Service"] = "x" })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x")
            .AddJsonLogCollector(configuration.GetSection("Logs"))
            .AddJsonLogCollector("second", o => o.Path = path);
        using var provider = services.BuildServiceProvider();

        var collectors = provider.GetServices<ICollector>().ToDictionary(c => c.Name);
        var options = provider.GetRequiredService<IOptionsMonitor<JsonLogCollectorOptions>>().Get(JsonLogCollectorOptions.DefaultName);

        Assert.Equal(["jsonlog", "second"], collectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(30), options.Bucket);
        Assert.Equal("x", options.Service);
        Assert.Single((await collectors["jsonlog"].CollectAsync(Window)).Snapshots);

        var empty = new ServiceCollection();
        empty.AddObservability(o => o.ServiceName = "x").AddJsonLogCollector();
        using var invalid = empty.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => invalid.GetServices<ICollector>().ToList());
        Assert.Contains("JsonLogCollector:jsonlog:Path is required", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddObservability(o => o.ServiceName = "x").AddJsonLogCollector(o => o.Path = "a").AddJsonLogCollector(o => o.Path = "b"));
    }

    [Fact]
    public void Validate_EveryProblem_IsListedInOneResult()
    {
        var result = new JsonLogCollectorOptionsValidator().Validate("web", new JsonLogCollectorOptions { Path = " ", SearchPattern = "", Bucket = TimeSpan.Zero, MaxLineLength = 0 });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("JsonLogCollector:web:Bucket must be from 00:00:01 to 1.00:00:00 (was 00:00:00)", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("JsonLogCollector:web:MaxLineLength must be from 16", result.FailureMessage, StringComparison.Ordinal);
    }
}
