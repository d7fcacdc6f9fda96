using System.IO.Pipelines;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Logs;

public sealed class LogStreamingTests
{
    private const string Ok = """{"timestamp":"2025-11-17T10:00:00Z","level":"error","service":"api"}""";

    private static async Task<List<LogRecord>> ReadAll(StructuredLogIngestor ingestor, Stream stream, LogIngestionStatistics statistics)
    {
        var records = new List<LogRecord>();
        await foreach (var record in ingestor.ReadAsync(stream, statistics, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task ReadAsync_TenMegabyteLine_SkippedAndReadingGoesOn()
    {
        var ingestor = new StructuredLogIngestor();
        var statistics = ingestor.CreateStatistics();
        var huge = "{\"message\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"; // 10 MiB + 14 bytes, over the 1 MiB default
        var text = Ok + "\n" + huge + "\n" + Ok + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var records = await ReadAll(ingestor, stream, statistics);

        Assert.Equal([1L, 3L], records.Select(r => r.LineNumber));
        var rejected = Assert.Single(statistics.Rejections);
        Assert.Equal(2, rejected.LineNumber);
        Assert.Equal(LogRejectReason.LineTooLong, rejected.Reason);
        Assert.Equal($"the line is {huge.Length} bytes long, more than the maximum of 1048576; it was skipped", rejected.Message);
        Assert.Equal(text.Length, statistics.Bytes);
        Assert.Equal(3, statistics.Lines);
    }

    [Fact]
    public async Task ReadAsync_TooLongFinalLineWithoutNewline_Reported()
    {
        var ingestor = new StructuredLogIngestor(new StructuredLogOptions { MaxLineLength = 16 });
        var statistics = ingestor.CreateStatistics();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Ok + "\n" + new string(' ', 40)));

        var records = await ReadAll(ingestor, stream, statistics);

        Assert.Empty(records); // the first line is 69 bytes, over 16, too
        Assert.Equal([1L, 2L], statistics.Rejections.Select(r => r.LineNumber));
        Assert.Equal(2, statistics.RejectedFor(LogRejectReason.LineTooLong));
    }

    [Fact]
    public async Task ReadAsync_PipeInTinySegments_SameAsBatch()
    {
        var text = Ok + "\r\n\n{bad\n" + Ok.Replace("error", "warn", StringComparison.Ordinal) + "\r\n" + Ok;
        var bytes = Encoding.UTF8.GetBytes(text);
        var pipe = new Pipe();
        var ct = CancellationToken.None;
        var ingestor = new StructuredLogIngestor();
        var statistics = ingestor.CreateStatistics();

        var writing = Task.Run(
            async () =>
            {
                for (var i = 0; i < bytes.Length; i += 7) // 7-byte writes split lines, CRLFs and UTF-8 anywhere
                {
                    await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(7, bytes.Length - i)), ct);
                }

                await pipe.Writer.CompleteAsync();
            },
            ct);
        var records = new List<LogRecord>();
        await foreach (var record in ingestor.ReadAsync(pipe.Reader, statistics, ct))
        {
            records.Add(record);
        }

        await writing;
        var batch = ingestor.ParseBatch(bytes);
        Assert.Equal(batch.Records.Select(r => (r.LineNumber, r.Level)), records.Select(r => (r.LineNumber, r.Level)));
        Assert.Equal([1L, 4L, 5L], records.Select(r => r.LineNumber));
        Assert.Equal(3, Assert.Single(statistics.Rejections).LineNumber);
        Assert.Equal(bytes.Length, statistics.Bytes);
        Assert.Equal(1, statistics.EmptyLines);
        Assert.Equal(2, statistics.ParsedByLevel[LogSeverity.Error]);
        Assert.Equal(1, statistics.ParsedByLevel[LogSeverity.Warning]);
    }

    [Fact]
    public async Task ReadBatchesAsync_SplitsByLineCount_WithRejectedLinesOfEachBatch()
    {
        // 250 lines: every 10th is bad; batches of 100, 100, 50.
        var lines = Enumerable.Range(1, 250).Select(i => i % 10 == 0 ? "{" : Ok);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        var ingestor = new StructuredLogIngestor();

        var batches = new List<LogBatchResult>();
        await foreach (var batch in ingestor.ReadBatchesAsync(stream, 100, cancellationToken: CancellationToken.None))
        {
            batches.Add(batch);
        }

        Assert.Equal([90, 90, 45], batches.Select(b => b.Records.Count));
        Assert.Equal([10, 10, 5], batches.Select(b => b.Rejected.Count));
        Assert.Equal(110, batches[1].Rejected[0].LineNumber);
        Assert.Equal(250, batches[2].Statistics.Lines); // the statistics cover the stream so far
    }

    [Fact]
    public void ReadBatchesAsync_BatchSizeOutOfRange_Throws()
    {
        var ingestor = new StructuredLogIngestor();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ingestor.ReadBatchesAsync(Stream.Null, 0));

        Assert.Equal("batchSize", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ingestor.ReadBatchesAsync(Stream.Null, 100_001));
    }

    [Fact]
    public void ParseBatch_RateLimit_RejectsLinesOverTheBurstUntilTimePasses()
    {
        var time = new FakeTimeProvider();
        var ingestor = new StructuredLogIngestor(new StructuredLogOptions { RateLimitPerSecond = 2, RateLimitBurst = 3 }, time);
        var five = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Ok, 5)));

        var first = ingestor.ParseBatch(five); // bucket of 3: lines 1-3 pass, 4-5 are refused
        time.Advance(TimeSpan.FromSeconds(1)); // 1 s at 2 a second: 2 tokens
        var second = ingestor.ParseBatch(five);

        Assert.Equal(3, first.Records.Count);
        Assert.Equal([4L, 5L], first.Rejected.Select(r => r.LineNumber));
        Assert.All(first.Rejected, r => Assert.Equal(LogRejectReason.RateLimited, r.Reason));
        Assert.Equal(2, second.Records.Count);
    }

    [Fact]
    public async Task ReadAsync_RateLimit_WaitsOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var ingestor = new StructuredLogIngestor(new StructuredLogOptions { RateLimitPerSecond = 1, RateLimitBurst = 1 }, time);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Ok + "\n" + Ok + "\n"));
        var ct = CancellationToken.None;

        await using var enumerator = ingestor.ReadAsync(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
        Assert.True(await enumerator.MoveNextAsync()); // the burst of 1 lets the first line through
        var second = enumerator.MoveNextAsync().AsTask();
        await Task.Delay(50, ct);
        Assert.False(second.IsCompleted); // no token until the clock moves

        time.Advance(TimeSpan.FromSeconds(1)); // 1 token a second
        Assert.True(await second);
        Assert.Equal(2, enumerator.Current.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Ok));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in new StructuredLogIngestor().ReadAsync(stream, cancellationToken: cts.Token))
            {
            }
        });
    }

    // Replenished only by TryReplenish (which still honours the period, hence 1 ms).
    private static TokenBucketRateLimiter ManualBucket(int tokens, int queue) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = tokens,
        TokensPerPeriod = tokens,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
        AutoReplenishment = false,
        QueueLimit = queue,
    });

    [Fact]
    public void ParseBatch_UserRateLimiter_TakesWhatItGrantsAndRejectsTheRest()
    {
        using var limiter = ManualBucket(tokens: 2, queue: 0);
        var ingestor = new StructuredLogIngestor(new StructuredLogOptions { RateLimiter = limiter });

        var result = ingestor.ParseBatch(Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(Ok, 5))));

        Assert.Equal([1L, 2L], result.Records.Select(r => r.LineNumber));
        Assert.Equal([3L, 4L, 5L], result.Rejected.Select(r => r.LineNumber));
        Assert.All(result.Rejected, r => Assert.Equal(LogRejectReason.RateLimited, r.Reason));
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }

    [Fact]
    public async Task ReadAsync_UserRateLimiter_WaitsForItsPermitsAndDropsNothing()
    {
        using var limiter = ManualBucket(tokens: 1, queue: 1);
        var ingestor = new StructuredLogIngestor(new StructuredLogOptions { RateLimiter = limiter });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Ok + "\n" + Ok + "\n"));
        var ct = CancellationToken.None;

        await using var enumerator = ingestor.ReadAsync(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
        Assert.True(await enumerator.MoveNextAsync()); // the one token lets the first line through
        var second = enumerator.MoveNextAsync().AsTask();
        await Task.Delay(50, ct);
        Assert.False(second.IsCompleted); // queued in the limiter until it is replenished

        Assert.True(limiter.TryReplenish());
        Assert.True(await second);
        Assert.Equal(2, enumerator.Current.LineNumber);
    }

    [Fact]
    public void Options_RateLimiterAndRateLimitPerSecond_AreExclusive()
    {
        using var limiter = ManualBucket(tokens: 1, queue: 0);

        var e = Assert.Throws<ArgumentException>(() => new StructuredLogIngestor(new StructuredLogOptions { RateLimiter = limiter, RateLimitPerSecond = 5 }));

        Assert.Contains("RateLimiter and RateLimitPerSecond are both set", e.Message, StringComparison.Ordinal);
    }
}
