using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability.Core.Tests.Collectors;
using static Observability.Core.Tests.Collectors.SnapshotFiles;

namespace Observability.Core.Tests.Faults;

/// <summary>An escaped lone surrogate (<c>"\ud800"</c>) is valid JSON grammar but no Unicode text: every reader rejects its line and keeps the rest.</summary>
public sealed class LoneSurrogateTests : IDisposable
{
    private const string Ok = """{"timestamp":"2025-11-17T10:00:00Z","level":"info","message":"fine"}""";
    private static readonly DateTimeOffset LogStart = new(2025, 11, 17, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("observability-faults-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","message":"bad \ud800 text"}""", "message")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","level":"\udc00"}""", "level")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z\ud800"}""", "timestamp")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","service":"a\ud800\ud800"}""", "service")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","extra":{"deep":["\ud800"]}}""", "extra")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","x\ud800":1}""", "a property name")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","duration_ms":"\ud800"}""", "duration_ms")]
    public void ParseBatch_EscapedLoneSurrogate_RejectsOnlyThatLineNamingTheField(string line, string field)
    {
        var result = new StructuredLogIngestor().ParseBatch(Encoding.UTF8.GetBytes(Ok + "\n" + line + "\n" + Ok));

        Assert.Equal([1L, 3L], result.Records.Select(r => r.LineNumber));
        Assert.All(result.Records, r => Assert.Equal("fine", r.Message));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(2, rejected.LineNumber);
        Assert.Equal(LogRejectReason.InvalidUtf8, rejected.Reason);
        Assert.Contains(field, rejected.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_PairedSurrogatesAndEscapedBackslash_AreKeptAndReadable()
    {
        var line = """{"timestamp":"2025-11-17T10:00:00Z","message":"smile \ud83d\ude00 and \\ud800","service":"\u0041pi","k\u0065y":"v"}""";

        var result = new StructuredLogIngestor().ParseBatch(Encoding.UTF8.GetBytes(line));

        var record = Assert.Single(result.Records);
        Assert.Equal("smile \U0001F600 and \\ud800", record.Message);
        Assert.Equal("Api", record.Service);
        Assert.Equal("key", Assert.Single(record.Extra).Name);
    }

    [Fact]
    public async Task ReadAsync_StreamWithLoneSurrogate_ReadsEveryGoodLine()
    {
        var text = string.Join("\n", Ok, """{"timestamp":"2025-11-17T10:00:00Z","message":"\ud800"}""", Ok, Ok);
        var ingestor = new StructuredLogIngestor();
        var statistics = ingestor.CreateStatistics();
        var messages = new List<string?>();

        await foreach (var record in ingestor.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), statistics))
        {
            messages.Add(record.Message);
        }

        Assert.Equal(["fine", "fine", "fine"], messages);
        Assert.Equal(1, statistics.RejectedFor(LogRejectReason.InvalidUtf8));
    }

    [Fact]
    public async Task JsonLogCollector_FileWithLoneSurrogate_KeepsEveryGoodLineAndSaysWhere()
    {
        static string Line(int second, string message) => $$"""{"timestamp":"{{LogStart.AddSeconds(second):O}}","service":"checkout","status_code":200,"message":"{{message}}"}""";
        File.WriteAllText(Path.Combine(_folder, "a.jsonl"), string.Join("\n", Line(1, "ok"), Line(2, "\\ud800"), Line(3, "ok")), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder, "b.jsonl"), string.Join("\n", Line(4, "ok"), Line(5, "ok")), new UTF8Encoding(false));
        var collector = new JsonLogCollector("logs", new JsonLogCollectorOptions { Path = _folder, Service = "checkout" }, new FakeTimeProvider(), NullLoggerFactory.Instance);

        var result = await collector.CollectAsync(new CollectionWindow(LogStart, LogStart.AddMinutes(1)));

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal(4, result.Snapshots.Sum(s => s.Metrics[WellKnownMetrics.RequestCount]));
        var error = Assert.Single(result.Errors);
        Assert.Contains("a.jsonl", error.Location, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Location + " " + error.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileCollector_JsonLinesWithLoneSurrogates_RejectsThoseLinesWithWhereAndKeepsTheRest()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.01}""",
            """{"timestamp":"2025-11-15T00:02:00Z","metrics":{"error\ud800":0.02}}""",
            """{"timestamp":"2025-11-15T00:03:00Z","source":"\udfff","error_rate":0.03}""",
            """{"timestamp":"2025-11-15T00:04:00Z","quality_reason":"\ud800","error_rate":0.04}""",
            """{"timestamp":"2025-11-15T00:05:00Z\ud800","error_rate":0.05}""",
            """{"timestamp":"2025-11-15T00:06:00Z","metrics":{"error_rate":"\ud800"}}""",
            """{"timestamp":"2025-11-15T00:07:00Z","error_rate\ud800":0.07}""",
            """{"timestamp":"2025-11-15T00:08:00Z","error_rate":0.08}""");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([0.01, 0.08], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Equal(6, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("lone surrogate", e.Message, StringComparison.Ordinal));
        Assert.Equal(
            [
                file.Location(2),
                file.Location(3, "property", "source"),
                file.Location(4, "property", "quality_reason"),
                file.Location(5, "property", "timestamp"),
                file.Location(6, "property", "metrics.error_rate"),
                file.Location(7),
            ],
            result.Errors.Select(e => e.Location));
    }
}
