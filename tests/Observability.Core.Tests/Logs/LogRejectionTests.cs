using System.Text;

namespace Observability.Core.Tests.Logs;

public sealed class LogRejectionTests
{
    private const string Ok = """{"timestamp":"2025-11-17T10:00:00Z","level":"info"}""";

    private static LogBatchResult Parse(string text, StructuredLogOptions? options = null)
        => new StructuredLogIngestor(options).ParseBatch(Encoding.UTF8.GetBytes(text));

    private static RejectedLogLine RejectOne(string line, StructuredLogOptions? options = null)
    {
        var result = Parse(Ok + "\n" + line + "\n" + Ok, options);
        Assert.Equal([1L, 3L], result.Records.Select(r => r.LineNumber)); // the lines around the bad one are kept
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(2, rejected.LineNumber);
        Assert.Equal(1, result.Statistics.RejectedFor(rejected.Reason));
        return rejected;
    }

    [Theory]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","level":""", "malformed JSON")]
    [InlineData("""{"timestamp":"2025-11-17T10:00:00Z","duration_ms":NaN}""", "malformed JSON")] // NaN is no JSON literal
    [InlineData("""{"a":1} {"b":2}""", "malformed JSON")]
    [InlineData("""[1,2]""", "must be a JSON object, not an array")]
    [InlineData("""42""", "must be a JSON object, not a number")]
    [InlineData("""not json""", "'not json' is an invalid JSON literal")]
    public void ParseBatch_MalformedJson_RejectedWithReason(string line, string expected)
    {
        var rejected = RejectOne(line);

        Assert.Equal(LogRejectReason.MalformedJson, rejected.Reason);
        Assert.Contains(expected, rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"duration_ms\":-5", "'duration_ms' must be a finite number of milliseconds, 0 or more (was -5)")]
    [InlineData("\"duration_ms\":\"NaN\"", "'duration_ms' must be a finite number of milliseconds, 0 or more (was NaN)")]
    [InlineData("\"duration_ms\":1e400", "'duration_ms'")]
    [InlineData("\"duration_ms\":true", "not a boolean")]
    [InlineData("\"status_code\":-200", "from 100 to 599 (was -200)")]
    [InlineData("\"status_code\":99", "from 100 to 599 (was 99)")]
    [InlineData("\"status_code\":600", "from 100 to 599 (was 600)")]
    [InlineData("\"status_code\":200.5", "must be an integer HTTP status")]
    [InlineData("\"level\":{\"x\":1}", "'level' must be a string or a number, not an object")]
    [InlineData("\"timestamp\":\"yesterday\"", "'timestamp' must be an ISO 8601")]
    [InlineData("\"timestamp\":-1", "'timestamp' must be an ISO 8601")]
    [InlineData("\"timestamp\":\"2025-02-29T10:00:00Z\"", "'timestamp' must be an ISO 8601")] // no 29 February in 2025
    [InlineData("\"timestamp\":\"2025-11-17T24:00:00Z\"", "'timestamp' must be an ISO 8601")]
    public void ParseBatch_BadFieldValue_RejectedAsInvalidField(string field, string expected)
    {
        // A later "timestamp" wins over the first, so a bad one can be tested on its own.
        var rejected = RejectOne($$"""{"timestamp":"2025-11-17T10:00:00Z",{{field}}}""");

        Assert.Equal(LogRejectReason.InvalidField, rejected.Reason);
        Assert.Contains(expected, rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(599)]
    public void ParseBatch_StatusCodeAtBounds_Accepted(int status)
    {
        var record = Assert.Single(Parse($$"""{"timestamp":"2025-11-17T10:00:00Z","status_code":{{status}},"duration_ms":0}""").Records);

        Assert.Equal(status, record.StatusCode);
        Assert.Equal(0, record.DurationMs); // 0 ms is allowed: only negatives are rejected
    }

    [Fact]
    public void ParseBatch_InvalidUtf8_RejectedWithColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(Ok + "\n{\"message\":\"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n" + Ok)).ToArray();

        var result = new StructuredLogIngestor().ParseBatch(bytes);

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(LogRejectReason.InvalidUtf8, rejected.Reason);
        Assert.Contains("column 15", rejected.Message, StringComparison.Ordinal); // {"message":"ab is 14 bytes; the bad byte is the 15th
        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public void ParseBatch_MissingTimestamp_RejectedByDefault_AcceptedWhenNotRequired()
    {
        const string Line = """{"level":"info","message":"no time"}""";

        var rejected = RejectOne(Line);
        var accepted = Assert.Single(Parse(Line, new StructuredLogOptions { RequireTimestamp = false }).Records);

        Assert.Equal(LogRejectReason.MissingTimestamp, rejected.Reason);
        Assert.Null(accepted.Timestamp);
        Assert.Equal("no time", accepted.Message);
    }

    [Fact]
    public void ParseBatch_CrlfEmptyLinesAndNoFinalNewline_AllCounted()
    {
        var text = Ok + "\r\n\r\n   \n" + Ok + "\r\n" + Ok; // 5 lines: ok, empty, blank, ok, ok (no final newline)

        var result = Parse(text);

        Assert.Equal([1L, 4L, 5L], result.Records.Select(r => r.LineNumber));
        Assert.Equal(5, result.Statistics.Lines);
        Assert.Equal(2, result.Statistics.EmptyLines);
        Assert.Equal(3, result.Statistics.Parsed);
        Assert.Equal(0, result.Statistics.Rejected);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), result.Statistics.Bytes);
        Assert.Equal(3, result.Statistics.ParsedAt(LogSeverity.Information));
        Assert.Equal(Ok, Encoding.UTF8.GetString(result.Records[0].Utf8Json.Span)); // the CR is not part of the line
    }

    [Fact]
    public void ParseBatch_ByteOrderMarkOnFirstLine_Ignored()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Ok + "\n" + Ok)).ToArray();

        var result = new StructuredLogIngestor().ParseBatch(bytes);

        Assert.Equal(2, result.Records.Count);
        Assert.Equal(Ok.Length + 1 + Ok.Length + 3, result.Statistics.Bytes); // the 3 BOM bytes are read and counted
        Assert.Equal("line 2: MalformedJson: x", new RejectedLogLine(2, LogRejectReason.MalformedJson, "x").ToString());
    }

    [Fact]
    public void ParseBatch_LineLengthAtMaximum_AcceptedOneMoreRejected()
    {
        var options = new StructuredLogOptions { MaxLineLength = 64, RequireTimestamp = false };
        var exact = "{\"message\":\"" + new string('x', 64 - 14) + "\"}"; // 12 + 50 + 2 = 64 bytes
        var over = "{\"message\":\"" + new string('x', 64 - 13) + "\"}"; // 65 bytes

        var result = Parse(exact + "\r\n" + over, options); // the CR does not count

        Assert.Equal(64, Encoding.UTF8.GetByteCount(exact));
        Assert.Single(result.Records);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(LogRejectReason.LineTooLong, rejected.Reason);
        Assert.Equal("the line is 65 bytes long, more than the maximum of 64; it was skipped", rejected.Message);
    }

    [Fact]
    public void ParseBatch_ManyBadLines_StatisticsKeepFirstOnesAndCountAll()
    {
        var text = string.Join("\n", Enumerable.Repeat("{", 5).Append(Ok));

        var result = Parse(text, new StructuredLogOptions { MaxRecordedRejections = 2 });

        Assert.Equal(5, result.Rejected.Count); // a batch lists every rejected line
        Assert.Equal(5, result.Statistics.Rejected);
        Assert.Equal([1L, 2L], result.Statistics.Rejections.Select(r => r.LineNumber));
        Assert.Equal(5, result.Statistics.RejectedByReason[LogRejectReason.MalformedJson]);
        Assert.Single(result.Records);
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new StructuredLogIngestor(new StructuredLogOptions { MaxLineLength = 8, RateLimitPerSecond = -1, RateLimitBurst = -2 }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("MaxLineLength must be from 16 to 268435456 bytes (was 8)", e.Message, StringComparison.Ordinal);
        Assert.Contains("RateLimitPerSecond must be a positive number", e.Message, StringComparison.Ordinal);
        Assert.Contains("RateLimitBurst must be 0 (one second's worth) or more (was -2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBatch_NullStrings_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new StructuredLogIngestor().ParseBatch((IReadOnlyList<string?>)null!));

        Assert.Equal("lines", e.ParamName);
    }

    [Fact]
    public void ParseBatch_UnpairedSurrogateString_RejectedAsInvalidUtf8()
    {
        var result = new StructuredLogIngestor().ParseBatch(["{\"message\":\"\uD800\"}", Ok]);

        Assert.Equal(LogRejectReason.InvalidUtf8, Assert.Single(result.Rejected).Reason);
        Assert.Equal(2, Assert.Single(result.Records).LineNumber);
    }
}
