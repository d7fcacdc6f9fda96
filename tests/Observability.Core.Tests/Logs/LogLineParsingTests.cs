using System.Text;

namespace Observability.Core.Tests.Logs;

public sealed class LogLineParsingTests
{
    private const string Full = """{"timestamp":"2025-11-17T10:00:00.250Z","service":"checkout","level":"warning","message":"slow \"payment\"","trace_id":"4bf92f3577b34da6","span_id":"00f067aa0ba902b7","duration_ms":412.5,"region":"eu-west-1","route":"/api/pay","method":"POST","status_code":503,"error":"upstream timeout","error_type":"TimeoutException","stack_trace":"at Pay()","correlation_id":"c-1","user_id":42,"cmd":"pay","pod":"web-7","tags":{"a":[1,2]}}""";

    private static LogBatchResult Parse(string text, StructuredLogOptions? options = null)
        => new StructuredLogIngestor(options).ParseBatch(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ParseBatch_FullLine_ReadsEveryKnownField()
    {
        var record = Assert.Single(Parse(Full).Records);

        Assert.Equal(1, record.LineNumber);
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 10, 0, 0, 250, TimeSpan.Zero), record.Timestamp);
        Assert.Equal("checkout", record.Service);
        Assert.Equal(LogSeverity.Warning, record.Level);
        Assert.Equal("warning", record.LevelText);
        Assert.Equal("slow \"payment\"", record.Message); // escaped in the line, unescaped on read
        Assert.Equal("4bf92f3577b34da6", record.TraceId);
        Assert.Equal("00f067aa0ba902b7", record.SpanId);
        Assert.Equal(412.5, record.DurationMs);
        Assert.Equal("eu-west-1", record.Region);
        Assert.Equal("/api/pay", record.Route);
        Assert.Equal("POST", record.Method);
        Assert.Equal(503, record.StatusCode);
        Assert.Equal("upstream timeout", record.Error);
        Assert.Equal("TimeoutException", record.ErrorType);
        Assert.Equal("at Pay()", record.StackTrace);
        Assert.Equal("c-1", record.CorrelationId);
        Assert.Equal("42", record.UserId); // a number is kept as its JSON text
        Assert.Equal("pay", record.Cmd);
        Assert.Same(record.Service, record.Service); // materialised once, then cached
    }

    [Fact]
    public void ParseBatch_UnknownFields_KeptAsRawJsonInLineOrder()
    {
        var record = Assert.Single(Parse(Full).Records);

        Assert.True(record.HasExtra);
        Assert.Collection(
            record.Extra,
            f => { Assert.Equal("pod", f.Name); Assert.Equal("\"web-7\"", f.RawText); },
            f => { Assert.Equal("tags", f.Name); Assert.Equal("""{"a":[1,2]}""", f.RawText); });
    }

    [Fact]
    public void ParseBatch_NoUnknownFields_ExtraIsEmpty()
    {
        var record = Assert.Single(Parse("""{"timestamp":"2025-11-17T10:00:00Z","msg":"hi"}""").Records);

        Assert.False(record.HasExtra);
        Assert.Empty(record.Extra);
        Assert.Equal("hi", record.Message); // 'msg' is an alias of 'message'
        Assert.Null(record.Service);
        Assert.Equal(LogSeverity.None, record.Level);
        Assert.Null(record.DurationMs);
        Assert.Null(record.StatusCode);
    }

    [Theory]
    [InlineData("trace", LogSeverity.Trace)]
    [InlineData("VERBOSE", LogSeverity.Trace)]
    [InlineData("Debug", LogSeverity.Debug)]
    [InlineData("info", LogSeverity.Information)]
    [InlineData("INFORMATION", LogSeverity.Information)]
    [InlineData("warn", LogSeverity.Warning)]
    [InlineData("Warning", LogSeverity.Warning)]
    [InlineData("error", LogSeverity.Error)]
    [InlineData("ERR", LogSeverity.Error)]
    [InlineData("fail", LogSeverity.Error)]
    [InlineData("fatal", LogSeverity.Fatal)]
    [InlineData("Critical", LogSeverity.Fatal)]
    [InlineData("crit", LogSeverity.Fatal)]
    [InlineData("notice", LogSeverity.Unknown)]
    [InlineData("", LogSeverity.Unknown)]
    public void ParseBatch_LevelText_Normalised(string level, LogSeverity expected)
    {
        var record = Assert.Single(Parse($$"""{"timestamp":"2025-11-17T10:00:00Z","level":"{{level}}"}""").Records);

        Assert.Equal(expected, record.Level);
        Assert.Equal(level, record.LevelText); // the text as written is kept, known or not
    }

    [Theory]
    [InlineData(10, LogSeverity.Trace)]
    [InlineData(30, LogSeverity.Information)]
    [InlineData(50, LogSeverity.Error)]
    [InlineData(60, LogSeverity.Fatal)]
    [InlineData(35, LogSeverity.Unknown)]
    public void ParseBatch_PinoLevelNumber_Normalised(int level, LogSeverity expected)
    {
        var record = Assert.Single(Parse($$"""{"time":1763373600000,"level":{{level}}}""").Records);

        Assert.Equal(expected, record.Level);
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 10, 0, 0, TimeSpan.Zero), record.Timestamp); // 1,763,373,600,000 ms after 1970
    }

    [Theory]
    [InlineData("\"2025-11-17T10:00:00+02:00\"", "2025-11-17T08:00:00Z")] // offset honoured
    [InlineData("\"2025-11-17T10:00:00\"", "2025-11-17T10:00:00Z")] // no offset: UTC, never the machine's zone
    [InlineData("\"2025-11-17 10:00:00\"", "2025-11-17T10:00:00Z")] // space instead of T: slow path, UTC
    [InlineData("\"2025-11-17T10:00:00.5Z\"", "2025-11-17T10:00:00.5Z")] // fast path, one fraction digit
    [InlineData("\"2025-11-17T10:00:00.1234567Z\"", "2025-11-17T10:00:00.1234567Z")] // fast path, seven digits (ticks)
    [InlineData("\"2024-02-29T23:59:59Z\"", "2024-02-29T23:59:59Z")] // a leap day
    [InlineData("1763373600", "2025-11-17T10:00:00Z")] // Unix seconds (below 1e11)
    [InlineData("1763373600.5", "2025-11-17T10:00:00.5Z")]
    public void ParseBatch_TimestampForms_ReadAsUtcInstants(string json, string expected)
    {
        var record = Assert.Single(Parse($$"""{"timestamp":{{json}}}""").Records);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), record.Timestamp);
    }

    [Fact]
    public void ParseBatch_ErrorObjectAndNumericStrings_KeptOrParsed()
    {
        var record = Assert.Single(Parse("""{"timestamp":"2025-11-17T10:00:00Z","error":{"code":"E1"},"duration_ms":"12.5","status_code":"404","user_id":null}""").Records);

        Assert.Equal("""{"code":"E1"}""", record.Error);
        Assert.Equal(12.5, record.DurationMs); // a numeric string is accepted
        Assert.Equal(404, record.StatusCode);
        Assert.Null(record.UserId); // null is absent
    }

    [Fact]
    public void ParseBatch_EscapedFieldName_StillKnown()
    {
        var record = Assert.Single(Parse("""{"timestamp":"2025-11-17T10:00:00Z","serv\u0069ce":"api"}""").Records);

        Assert.Equal("api", record.Service);
    }

    [Fact]
    public void ParseBatch_Strings_EachEntryIsOneLineNumberedFromOne()
    {
        var result = new StructuredLogIngestor().ParseBatch(new[]
        {
            """{"timestamp":"2025-11-17T10:00:00Z","service":"a"}""",
            null,
            """{"timestamp":"2025-11-17T10:00:01Z","service":"é"}""",
        });

        Assert.Equal([1L, 3L], result.Records.Select(r => r.LineNumber));
        Assert.Equal("é", result.Records[1].Service);
        Assert.Equal(1, result.Statistics.EmptyLines);
        Assert.Equal(3, result.Statistics.Lines);
    }
}
