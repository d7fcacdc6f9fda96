using System.Text;
using Observability.Core.Tests.Collectors;

namespace Observability.Core.Tests.Faults;

/// <summary>The file collector refuses values no metric can take, says what and where, and keeps every good line.</summary>
public sealed class ImpossibleValueTests
{
    [Fact]
    public async Task CollectAsync_CsvImpossibleValues_RejectedWithFieldAndGoodRowsKept()
    {
        var hugeNumber = new string('9', 400);
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate,availability,job_count,custom",
            "2025-11-15T00:01:00Z,0.01,0.99,10,-5",
            "2025-11-15T00:02:00Z,5.0,0.99,10,1",
            "2025-11-15T00:03:00Z,0.01,-0.2,10,1",
            "2025-11-15T00:04:00Z,0.01,0.99,-3,1",
            "2025-11-15T00:05:00Z,NaN,0.99,10,1",
            $"2025-11-15T00:06:00Z,0.01,0.99,{hugeNumber},1",
            $"2025-11-15T00:07:00Z,0.01,0.99,10,{hugeNumber}",
            "2025-11-15T00:08:00Z,0.02,1,0,+Inf");

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([0.01, 0.02], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Equal(-5, result.Snapshots[0].Metrics["custom"]); // a metric the library does not know takes any number
        Assert.Equal(double.PositiveInfinity, result.Snapshots[1].Metrics["custom"]); // written out, infinity is meant
        Assert.Equal(
            [
                file.Location(3, "field", "error_rate"),
                file.Location(4, "field", "availability"),
                file.Location(5, "field", "job_count"),
                file.Location(6, "field", "error_rate"),
                file.Location(7, "field", "job_count"),
                file.Location(8, "field", "custom"),
            ],
            result.Errors.Select(e => e.Location));
        Assert.Contains("5 is not a ratio in [0, 1]", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("-0.2 is not a ratio in [0, 1]", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("-3 is negative", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("NaN is not a finite number", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("beyond the range of a double", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("beyond the range of a double", result.Errors[5].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.True(e.Message.Length < 300, e.Message));
    }

    [Fact]
    public async Task CollectAsync_JsonLinesImpossibleValuesInBothForms_RejectedWithProperty()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.01}""",
            """{"timestamp":"2025-11-15T00:02:00Z","error_rate":5.0}""",
            """{"timestamp":"2025-11-15T00:03:00Z","metrics":{"error_rate":0.03,"cpu_utilization":1.5}}""",
            """{"timestamp":"2025-11-15T00:04:00Z","request_count@eu-west-1":-1,"error_rate":0.04}""",
            """{"timestamp":"2025-11-15T00:05:00Z","error_rate":1e400}""",
            """{"timestamp":"2025-11-15T00:06:00Z","metrics":{"memory_utilization":"+Inf"}}""",
            """{"timestamp":"2025-11-15T00:07:00Z","error_rate":0.07}""");

        var result = await file.CollectAsync();

        Assert.Equal([0.01, 0.07], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Equal(
            [
                file.Location(2, "property", "error_rate"),
                file.Location(3, "property", "metrics.cpu_utilization"),
                file.Location(4, "property", "request_count@eu-west-1"),
                file.Location(5, "property", "error_rate"),
                file.Location(6, "property", "metrics.memory_utilization"),
            ],
            result.Errors.Select(e => e.Location));
        Assert.Contains("beyond the range of a double", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("not a finite number", result.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_DuplicateTimestamps_FirstKeptOthersReported()
    {
        var lines = new List<string> { "timestamp,source,job_count" };
        lines.AddRange(Enumerable.Repeat("2025-11-15T00:01:00Z,ci,400", 50));
        lines.Add("2025-11-15T00:01:00Z,other,7"); // another source at that time is no duplicate
        lines.Add("2025-11-15T00:02:00Z,ci,5");
        using var file = new TempSnapshotFile(".csv", [.. lines]);

        var result = await file.CollectAsync();

        Assert.Equal([400.0, 7, 5], result.Snapshots.Select(s => s.Metrics["job_count"]));
        Assert.Equal(49, result.Errors.Count);
        Assert.Equal(file.Location(3), result.Errors[0].Location);
        Assert.Contains("line 2 has it already and is kept", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_InvalidUtf8InCsvHeader_FailsClearlyWithoutGarbledName()
    {
        var bytes = new List<byte>();
        bytes.AddRange("timestamp,error_"u8.ToArray());
        bytes.AddRange([0xC3, 0x28, 0xFF]); // not UTF-8
        bytes.AddRange("rate\n2025-11-15T00:01:00Z,0.1\n"u8.ToArray());
        using var file = new TempSnapshotFile(".csv", string.Empty, Encoding.UTF8);
        File.WriteAllBytes(file.Path, [.. bytes]);

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file.Location(1), error.Location);
        Assert.Contains("header line is not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', error.Message);
    }

    [Fact]
    public async Task CollectAsync_InvalidUtf8InARow_RejectsOnlyThatRow()
    {
        using var file = new TempSnapshotFile(".jsonl", string.Empty, Encoding.UTF8);
        var bytes = new List<byte>();
        bytes.AddRange("""{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.1}"""u8.ToArray());
        bytes.AddRange("\n{\"timestamp\":\"2025-11-15T00:02:00Z\",\"source\":\"x"u8.ToArray());
        bytes.Add(0xFF);
        bytes.AddRange("\",\"error_rate\":0.2}\n"u8.ToArray());
        File.WriteAllBytes(file.Path, [.. bytes]);

        var result = await file.CollectAsync();

        Assert.Equal([0.1], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Equal(file.Location(2), Assert.Single(result.Errors).Location);
    }

    [Fact]
    public async Task CollectAsync_MetricAsStringInBothJsonForms_ReadTheSameWay()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            """{"timestamp":"2025-11-15T00:01:00Z","error_rate":"0.25","version":"1.2.3"}""",
            """{"timestamp":"2025-11-15T00:02:00Z","metrics":{"error_rate":"0.25"}}""",
            """{"timestamp":"2025-11-15T00:03:00Z","error_rate":"high"}""",
            """{"timestamp":"2025-11-15T00:04:00Z","metrics":{"error_rate":"high"}}""");

        var result = await file.CollectAsync();

        Assert.Equal([0.25, 0.25], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.False(result.Snapshots[0].Metrics.ContainsKey("version"));
        Assert.Equal([file.Location(3, "property", "error_rate"), file.Location(4, "property", "metrics.error_rate")], result.Errors.Select(e => e.Location));
        Assert.All(result.Errors, e => Assert.Contains("'high' is not a number", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_RejectedValuesHoldingSecrets_AreNotQuoted()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate,api_key",
            "2025-11-15T00:01:00Z,token=sk_live_abcdef123456,1",
            "2025-11-15T00:02:00Z,0.1,sk_live_abcdef123456",
            "2025-11-15T00:03:00Z,https://user:hunter2secret@127.0.0.1/x,1");

        var result = await file.CollectAsync();

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.DoesNotContain("sk_live_abcdef", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2secret", e.Message, StringComparison.Ordinal);
        });
    }
}
