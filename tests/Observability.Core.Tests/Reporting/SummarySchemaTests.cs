using System.Text.Json.Nodes;
using Observability.Testing;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class SummarySchemaTests
{
    [Fact]
    public async Task DailyJson_EveryDayOfARealWeek_ValidatesAgainstTheShippedSchema()
    {
        var (days, _) = Week();

        foreach (var day in days)
        {
            var (valid, errors) = Validate(ObservabilitySchemas.DailySummary, await DailyJsonAsync(day));
            Assert.True(valid, $"day {day.DayNumber}: {errors}");
        }
    }

    [Fact]
    public async Task DailyJson_DayWithoutDataOrP99_ValidatesWithItsNulls()
    {
        var empty = DailyAggregator.Aggregate(new DateOnly(2025, 11, 22), [], options: DailyOptions());
        var noP99 = DailyAggregator.Aggregate(
            new DateOnly(2025, 11, 22),
            TestSnapshots.Series(Start, TimeSpan.FromHours(1), 24, (_, t) => new MetricSnapshot(t, "test", [KeyValuePair.Create(WellKnownMetrics.Availability, 0.99)])));

        foreach (var day in new[] { empty, noP99 })
        {
            var (valid, errors) = Validate(ObservabilitySchemas.DailySummary, await DailyJsonAsync(day));
            Assert.True(valid, errors);
        }
    }

    [Fact]
    public async Task WeeklyJson_RealWeek_ValidatesAgainstTheShippedSchema()
    {
        var (_, week) = Week();

        var (valid, errors) = Validate(ObservabilitySchemas.WeeklySummary, await WeeklyJsonAsync(week));

        Assert.True(valid, errors);
    }

    [Theory]
    [InlineData("rename avg_availability")]
    [InlineData("avg_availability 100.5")]
    [InlineData("slo_compliance_percent -1")]
    [InlineData("latency_slo_compliance_percent 250")]
    [InlineData("day_number 0")]
    [InlineData("snapshot_count 4.5")]
    [InlineData("start_time yesterday")]
    [InlineData("availability_degraded \"no\"")]
    [InlineData("_metadata.data_completeness mostly")]
    [InlineData("_metadata.completeness_percent 101")]
    [InlineData("remove _metadata")]
    public async Task DailyJson_Broken_FailsValidation(string change)
    {
        var (days, _) = Week();
        var json = JsonNode.Parse(await DailyJsonAsync(days[0]))!.AsObject();

        Break(json, change);

        Assert.False(Validate(ObservabilitySchemas.DailySummary, json.ToJsonString()).Valid, change);
    }

    [Theory]
    [InlineData("latency_trend worse")]
    [InlineData("resource_trend Stable")]
    [InlineData("stability_score 100.01")]
    [InlineData("days_with_degradation -1")]
    [InlineData("rename total_warning_alerts")]
    [InlineData("daily_summaries.0.min_availability 101")]
    [InlineData("daily_summaries.0._metadata.data_completeness full")]
    [InlineData("_metadata.data_completeness none")]
    [InlineData("baseline_timestamp 12")]
    public async Task WeeklyJson_Broken_FailsValidation(string change)
    {
        var (_, week) = Week();
        var json = JsonNode.Parse(await WeeklyJsonAsync(week))!.AsObject();

        Break(json, change);

        Assert.False(Validate(ObservabilitySchemas.WeeklySummary, json.ToJsonString()).Valid, change);
    }

    [Fact]
    public void Schemas_DeclareAndRequireEverySpecField()
    {
        var daily = JsonNode.Parse(ObservabilitySchemas.DailySummary)!;
        var weekly = JsonNode.Parse(ObservabilitySchemas.WeeklySummary)!;

        AssertDeclaresAndRequires(daily, SummaryReporterTests.DailySpecFields);
        AssertDeclaresAndRequires(daily["$defs"]!["metadata"]!, SummaryReporterTests.MetadataSpecFields);
        AssertDeclaresAndRequires(weekly, [.. SummaryReporterTests.WeeklySpecFields, "should_rollback", "rollback_reasons", "_metadata"]);
        Assert.Equal(["improving", "stable", "degrading"], weekly["properties"]!["latency_trend"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["complete", "partial"], daily["$defs"]!["metadata"]!["properties"]!["data_completeness"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(100, daily["properties"]!["avg_availability"]!["maximum"]!.GetValue<int>());
        Assert.Equal(1, daily["properties"]!["day_number"]!["minimum"]!.GetValue<int>());
    }

    [Fact]
    public void Schemas_AreDraft202012AndTheWeeklyBundlesTheDailyUnchanged()
    {
        var daily = JsonNode.Parse(ObservabilitySchemas.DailySummary)!;
        var weekly = JsonNode.Parse(ObservabilitySchemas.WeeklySummary)!;
        var health = JsonNode.Parse(ObservabilitySchemas.HealthReport)!;

        foreach (var schema in new[] { daily, weekly, health })
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
            Assert.NotNull(Schema(schema.ToJsonString()));
        }

        Assert.True(JsonNode.DeepEquals(daily, weekly["$defs"]!["daily_summary"]), "weekly_summary.schema.json must bundle daily_summary.schema.json as it is");
        Assert.Equal(daily["$id"]!.GetValue<string>(), weekly["properties"]!["daily_summaries"]!["items"]!["$ref"]!.GetValue<string>());
    }

    private static void AssertDeclaresAndRequires(JsonNode schema, IEnumerable<string> fields)
    {
        var declared = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var required = schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            Assert.True(declared.Contains(field), $"'{field}' is not declared");
            Assert.True(required.Contains(field), $"'{field}' is not required");
        }
    }

    /// <summary>Applies "rename a", "remove a", or "a.b.0.c value" (value parsed as JSON, else a string).</summary>
    private static void Break(JsonObject json, string change)
    {
        var parts = change.Split(' ', 2);
        if (parts[0] is "rename" or "remove")
        {
            var value = json[parts[1]]!.DeepClone();
            json.Remove(parts[1]);
            if (parts[0] == "rename")
            {
                json[parts[1] + "_x"] = value;
            }

            return;
        }

        var path = parts[0].Split('.');
        JsonNode parent = json;
        foreach (var step in path[..^1])
        {
            parent = int.TryParse(step, out var index) ? parent[index]! : parent[step]!;
        }

        JsonNode? replacement;
        try
        {
            replacement = JsonNode.Parse(parts[1]);
        }
        catch (System.Text.Json.JsonException)
        {
            replacement = JsonValue.Create(parts[1]);
        }

        parent[path[^1]] = replacement;
    }
}
