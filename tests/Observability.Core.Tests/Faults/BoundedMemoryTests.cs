using System.Text;
using Observability.Core.Tests.Collectors;
using Observability.Internal;

namespace Observability.Core.Tests.Faults;

/// <summary>
/// The file collector's memory does not grow with the file: an over-long line is skipped unread and reported, and at
/// most MaxSnapshots are kept (the newest), with the cut reported.
/// </summary>
public sealed class BoundedMemoryTests
{
    [Fact]
    public async Task CollectAsync_CsvLineLongerThanMax_SkippedWithLineAndGoodRowsKept()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate",
            "2025-11-15T00:01:00Z,0.01",
            "2025-11-15T00:02:00Z," + new string('7', 10_000),
            "2025-11-15T00:03:00Z,0.03");

        var result = await file.CollectAsync(o => o.MaxLineLength = 64);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([0.01, 0.03], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        var error = Assert.Single(result.Errors);
        Assert.Equal(file.Location(3), error.Location);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Contains("longer than 64 bytes (10021 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_JsonLinesLongLineWithCrLf_SkippedAndLineNumbersKept()
    {
        using var file = new TempSnapshotFile(
            ".jsonl",
            string.Join("\r\n",
                """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.01}""",
                """{"timestamp":"2025-11-15T00:02:00Z","message":" """ + new string('x', 5_000) + "\"}",
                string.Empty,
                """{"timestamp":"2025-11-15T00:04:00Z","error_rate":0.04}""") + "\r\n",
            new UTF8Encoding(false));

        var result = await file.CollectAsync(o => o.MaxLineLength = 100);

        Assert.Equal([0.01, 0.04], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Equal(file.Location(2), Assert.Single(result.Errors).Location);
    }

    [Fact]
    public async Task CollectAsync_CsvHeaderLongerThanMax_FailsNamingTheLimit()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp," + new string('m', 500), "2025-11-15T00:01:00Z,1");

        var result = await file.CollectAsync(o => o.MaxLineLength = 100);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Equal(file.Location(1), result.Errors[0].Location);
        Assert.Contains("longer than 100 bytes", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MoreSnapshotsThanMax_KeepsNewestAndReportsTheCut()
    {
        // Out of order on purpose: the newest by timestamp are kept, not the last lines read.
        int[] minutes = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10];
        using var file = new TempSnapshotFile(
            ".csv",
            ["timestamp,error_rate", .. minutes.Select(m => $"2025-11-15T00:{m:00}:00Z,0.{m:00}")]);

        var result = await file.CollectAsync(o => o.MaxSnapshots = 3);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([8, 9, 10], result.Snapshots.Select(s => s.Timestamp.Minute));
        var cut = Assert.Single(result.Errors);
        Assert.Equal(file.FileName, cut.Location);
        Assert.Contains("7 snapshots of the window were cut: only the newest 3 are kept", cut.Message, StringComparison.Ordinal);
        Assert.Contains("from 2025-11-15 00:01:00 to 2025-11-15 00:07:00 UTC", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_CopyOfASnapshotAlreadyCut_IsNotKeptInItsPlace()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate",
            "2025-11-15T00:01:00Z,0.01",
            "2025-11-15T00:02:00Z,0.02",
            "2025-11-15T00:03:00Z,0.03",
            "2025-11-15T00:01:00Z,0.99",
            "2025-11-15T00:03:00Z,0.98");

        var result = await file.CollectAsync(o => o.MaxSnapshots = 2);

        Assert.Equal([0.02, 0.03], result.Snapshots.Select(s => s.Metrics["error_rate"]));
        Assert.Contains(result.Errors, e => e.Location == file.Location(6) && e.Message.Contains("duplicate timestamp", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("2 snapshots of the window were cut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_SnapshotsOutsideTheWindow_NotCountedAsCut()
    {
        using var file = new TempSnapshotFile(
            ".csv",
            "timestamp,error_rate",
            "2025-11-14T00:01:00Z,0.5",
            "2025-11-15T00:01:00Z,0.01",
            "2025-11-15T00:02:00Z,0.02");

        var result = await file.CollectAsync(o => o.MaxSnapshots = 2);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(2, result.Snapshots.Count);
    }

    [Fact]
    public async Task CollectAsync_Utf16File_FailsNamingTheEncoding()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate\n2025-11-15T00:01:00Z,0.01\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var result = await file.CollectAsync();

        Assert.Equal(CollectionStatus.Failed, result.Status);
        Assert.Contains("UTF-16 LE", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100, "MaxLineLength must be from 16")]
    [InlineData(1024, 0, "MaxSnapshots must be from 1")]
    public void Constructor_LimitsOutOfRange_ThrowsNamingTheOption(int maxLineLength, int maxSnapshots, string expected)
    {
        var options = new FileCollectorOptions { Path = "snapshots.csv", MaxLineLength = maxLineLength, MaxSnapshots = maxSnapshots };

        var error = Assert.Throws<ArgumentException>(() => new FileCollector("file", options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task ReadLineAsync_AnyChunking_SameLinesAndLongLinesSkipped(int chunk)
    {
        var text = "\uFEFFab\r\ncd\rlong-long-long\r\n\nefgh\r" + new string('z', 40) + "\nlast";
        var reader = new SnapshotLineReader(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), maxLineLength: 4);

        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { IsEnd: false } line)
        {
            lines.Add(line.IsTooLong ? $"<{line.Length}>" : line.Value!);
        }

        Assert.Equal(["ab", "cd", "<14>", string.Empty, "efgh", "<40>", "last"], lines);
    }

    [Fact]
    public async Task ReadLineAsync_LineOfTwentyMegabytes_AllocatesFarLessThanTheLine()
    {
        var stream = new GeneratedLineStream(lineBytes: 20 * 1024 * 1024);
        var reader = new SnapshotLineReader(stream, maxLineLength: 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var first = await reader.ReadLineAsync(CancellationToken.None);
        var second = await reader.ReadLineAsync(CancellationToken.None);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(first.IsTooLong);
        Assert.Equal(20 * 1024 * 1024, first.Length);
        Assert.Equal("ok", second.Value);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes for a 20 MB line");
    }

    /// <summary>Returns at most <c>chunk</c> bytes a read, so every split of a line ending is met.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary>One line of <c>lineBytes</c> digits, a newline, then <c>ok</c>: generated as read, never held.</summary>
    private sealed class GeneratedLineStream(long lineBytes) : Stream
    {
        private static readonly byte[] Tail = "\nok\n"u8.ToArray();
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => lineBytes + Tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _position < Length)
            {
                buffer[written++] = _position < lineBytes ? (byte)'7' : Tail[_position - lineBytes];
                _position++;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
