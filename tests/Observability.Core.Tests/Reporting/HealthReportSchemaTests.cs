using System.Text;
using System.Text.Json.Nodes;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class HealthReportSchemaTests
{
    public static TheoryData<string> Reports => ["rollback", "proceed", "non-finite", "slos"];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task JsonReporter_Output_ValidatesAgainstTheShippedSchema(string name)
    {
        var (valid, errors) = Validate(ObservabilitySchemas.HealthReport, await WriteAsync(Report(name)));

        Assert.True(valid, errors);
    }

    [Theory]
    [InlineData("verdict", "decision", "\"abort\"")]
    [InlineData("health", "value", "101")]
    [InlineData("stability", "grade", "\"E\"")]
    [InlineData("stability", "availabilityCompliance", "1.5")]
    [InlineData("dataQuality", "usable", "-1")]
    [InlineData("verdict", "unknownField", "1")]
    [InlineData("stability", "value", "\"Infinite\"")]
    public async Task JsonReporter_Output_Broken_FailsValidation(string parent, string field, string value)
    {
        var json = JsonNode.Parse(await WriteAsync(SampleReports.Rollback()))!;

        json["report"]![parent]![field] = JsonNode.Parse(value);

        Assert.False(Validate(ObservabilitySchemas.HealthReport, json.ToJsonString()).Valid, $"{parent}.{field} = {value}");
    }

    [Fact]
    public async Task JsonReporter_Output_MissingRequiredOrExtraTopLevel_FailsValidation()
    {
        var missing = JsonNode.Parse(await WriteAsync(SampleReports.Rollback()))!;
        missing["report"]!.AsObject().Remove("traceId");
        var extra = JsonNode.Parse(await WriteAsync(SampleReports.Rollback()))!;
        extra["kind"] = "report";

        Assert.False(Validate(ObservabilitySchemas.HealthReport, missing.ToJsonString()).Valid);
        Assert.False(Validate(ObservabilitySchemas.HealthReport, extra.ToJsonString()).Valid);
    }

    private static HealthReport Report(string name) => name switch
    {
        "rollback" => SampleReports.Rollback(),
        "proceed" => SampleReports.Proceed(),
        "non-finite" => SampleReports.WithNonFiniteNumbers(),
        _ => SampleReports.Rollback() with
        {
            Slos =
            [
                new SloStatus("availability", 0.999, 0.9952, -3.8, "Compliance 99.52 % against 99.9 %.")
                {
                    BurnRate = 14.4,
                    ProjectedExhaustion = SampleReports.End.AddHours(3),
                    FiringRules = ["burn_rate_1h_5m"],
                },
                new SloStatus("latency", 0.99, null, 1, "No data."),
            ],
            Alerts = [SampleReports.Rollback().Alerts[0] with { Status = AlertStatus.Resolved, EndsAt = SampleReports.End.AddMinutes(5), RootCause = "bad deploy", Source = "slo" }],
            Collections = [new CollectionSummary("prometheus", CollectionStatus.NoData, 0, Used: false, []) { Warnings = ["query returned no series"] }],
        },
    };

    private static async Task<string> WriteAsync(HealthReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReporter().WriteAsync(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
