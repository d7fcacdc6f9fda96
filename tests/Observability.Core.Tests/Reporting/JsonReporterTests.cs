using System.Text;
using System.Text.Json;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

public sealed class JsonReporterTests
{
    [Fact]
    public void FormatAndExtension_AreJson()
    {
        var reporter = new JsonReporter();

        Assert.Equal("json", reporter.Format);
        Assert.Equal("json", reporter.FileExtension);
    }

    [Fact]
    public async Task WriteAsync_Report_WritesSchemaVersionAndReportEnvelope()
    {
        using var json = await WriteAsync(SampleReports.Rollback());
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("checkout", root.GetProperty("report").GetProperty("service").GetString());
        Assert.Equal(["schemaVersion", "report"], root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WriteAsync_Verdict_WritesEnumsAsStrings()
    {
        using var json = await WriteAsync(SampleReports.Rollback());
        var verdict = json.RootElement.GetProperty("report").GetProperty("verdict");

        Assert.Equal("rollback", verdict.GetProperty("decision").GetString());
        var reason = Assert.Single(verdict.GetProperty("reasons").EnumerateArray());
        Assert.Equal("critical", reason.GetProperty("severity").GetString());
        Assert.Equal("error_rate_critical", reason.GetProperty("rule").GetString());
        Assert.Equal(0.052, reason.GetProperty("observed").GetDouble());
    }

    [Fact]
    public async Task WriteAsync_Scores_WritesValuesWithRatiosAsFractions()
    {
        using var json = await WriteAsync(SampleReports.Rollback());
        var report = json.RootElement.GetProperty("report");

        Assert.Equal(41.5, report.GetProperty("health").GetProperty("value").GetDouble());
        Assert.Equal("critical", report.GetProperty("health").GetProperty("status").GetString());
        Assert.Equal(-45, report.GetProperty("health").GetProperty("components")[0].GetProperty("points").GetDouble());
        var stability = report.GetProperty("stability");
        Assert.Equal("C", stability.GetProperty("grade").GetString());
        Assert.Equal(0.9833, stability.GetProperty("availabilityCompliance").GetDouble());
        Assert.Equal(12.5, stability.GetProperty("driftPercent").GetDouble());
    }

    [Fact]
    public async Task WriteAsync_Windows_WritesOnlyStartAndEnd()
    {
        using var json = await WriteAsync(SampleReports.Rollback());
        var report = json.RootElement.GetProperty("report");
        var window = report.GetProperty("window");

        Assert.Equal(["start", "end"], window.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SampleReports.End.AddHours(-1), window.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(SampleReports.End, window.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(SampleReports.End.AddMinutes(-15), report.GetProperty("evaluationWindow").GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task WriteAsync_AlertContext_WritesNestedDictionariesListsAndPrimitives()
    {
        using var json = await WriteAsync(SampleReports.Rollback());
        var alert = json.RootElement.GetProperty("report").GetProperty("alerts")[0];
        var context = alert.GetProperty("context");

        Assert.Equal("2.4.1", context.GetProperty("deployment").GetProperty("version").GetString());
        Assert.True(context.GetProperty("deployment").GetProperty("canary").GetBoolean());
        Assert.Equal(3, context.GetProperty("deployment").GetProperty("replicas").GetInt32());
        Assert.Equal(["eu-west-1", "us-east-1"], context.GetProperty("regions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0.052, context.GetProperty("observed").GetDouble());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("note").ValueKind);
        Assert.Equal("checkout", alert.GetProperty("labels").GetProperty("service").GetString());
        Assert.Equal("https://ci.example.com/runs/42", alert.GetProperty("links")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task WriteAsync_UnusualContextValues_WritesThemAsText()
    {
        var alert = SampleReports.Rollback().Alerts[0] with
        {
            Context = new Dictionary<string, object?>
            {
                ["duration"] = TimeSpan.FromSeconds(90),
                ["id"] = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                ["severity"] = AlertSeverity.Error,
                ["amount"] = 12.5m,
                ["labels"] = new Dictionary<string, string> { ["zone"] = "b" },
                ["ports"] = new[] { 80, 443 },
            },
        };

        using var json = await WriteAsync(SampleReports.Rollback() with { Alerts = [alert] });
        var context = json.RootElement.GetProperty("report").GetProperty("alerts")[0].GetProperty("context");

        Assert.Equal("00:01:30", context.GetProperty("duration").GetString());
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", context.GetProperty("id").GetString());
        Assert.Equal("Error", context.GetProperty("severity").GetString());
        Assert.Equal(12.5m, context.GetProperty("amount").GetDecimal());
        Assert.Equal("b", context.GetProperty("labels").GetProperty("zone").GetString());
        Assert.Equal([80, 443], context.GetProperty("ports").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task WriteAsync_NonFiniteNumbers_WritesNamedLiterals()
    {
        using var json = await WriteAsync(SampleReports.WithNonFiniteNumbers());
        var report = json.RootElement.GetProperty("report");

        Assert.Equal("NaN", report.GetProperty("stability").GetProperty("value").GetString());
        Assert.Equal("Infinity", report.GetProperty("stability").GetProperty("driftPercent").GetString());
        Assert.Equal("-Infinity", report.GetProperty("metrics")[0].GetProperty("min").GetString());
        var context = report.GetProperty("alerts")[0].GetProperty("context");
        Assert.Equal("NaN", context.GetProperty("ratio").GetString());
        Assert.Equal("Infinity", context.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task WriteAsync_Names_AreCamelCaseAndNullsOmitted()
    {
        using var json = await WriteAsync(SampleReports.Proceed());
        var report = json.RootElement.GetProperty("report");

        Assert.False(report.TryGetProperty("environment", out _));
        Assert.False(report.GetProperty("metrics")[1].TryGetProperty("recentMean", out _));
        Assert.False(report.GetProperty("collections")[0].TryGetProperty("Collector", out _));
        Assert.Equal("prometheus", report.GetProperty("collections")[0].GetProperty("collector").GetString());
    }

    [Fact]
    public async Task WriteAsync_Output_DeserializesBackThroughTheContext()
    {
        var original = SampleReports.Rollback();
        using var stream = new MemoryStream();
        await new JsonReporter().WriteAsync(original, stream);

        var envelope = JsonSerializer.Deserialize(stream.ToArray(), ReportJsonContext.Default.ReportEnvelope);

        Assert.NotNull(envelope);
        Assert.Equal(original.Window, envelope.Report.Window);
        Assert.Equal(Decision.Rollback, envelope.Report.Verdict.Decision);
        var deployment = Assert.IsType<Dictionary<string, object?>>(envelope.Report.Alerts[0].Context["deployment"]);
        Assert.Equal("2.4.1", deployment["version"]);
        Assert.Equal(3L, deployment["replicas"]);
    }

    [Fact]
    public async Task WriteAsync_Stream_IsLeftOpenAndUtf8WithoutBom()
    {
        using var stream = new MemoryStream();

        await new JsonReporter().WriteAsync(SampleReports.Rollback(), stream);

        Assert.True(stream.CanWrite);
        Assert.Equal((byte)'{', stream.ToArray()[0]);
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NullArguments_Throw()
    {
        var reporter = new JsonReporter();

        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteAsync(null!, new MemoryStream()));
        await Assert.ThrowsAsync<ArgumentNullException>(() => reporter.WriteAsync(SampleReports.Rollback(), null!));
    }

    [Fact]
    public async Task WriteAsync_CancelledToken_ThrowsWithoutWriting()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JsonReporter().WriteAsync(SampleReports.Rollback(), stream, new CancellationToken(canceled: true)));
        Assert.Equal(0, stream.Length);
    }

    private static async Task<JsonDocument> WriteAsync(HealthReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReporter().WriteAsync(report, stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}
