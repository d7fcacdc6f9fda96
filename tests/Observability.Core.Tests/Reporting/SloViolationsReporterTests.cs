using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Core.Tests.Judgement;
using Observability.Internal;
using Observability.Testing;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class SloViolationsReporterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "observability-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<HealthReport> PassAsync(IReadOnlyList<MetricSnapshot> snapshots)
    {
        await using var harness = GeneratedWeeks.Harness(snapshots);
        return (await harness.Monitor.RunOnceAsync()).Report;
    }

    private async Task<(JsonDocument Json, string Markdown)> WriteBothAsync(HealthReport report)
    {
        var writer = new ReportWriter([new SloViolationsReporter()], new FakeLogger<ReportWriter>());
        var results = await writer.WriteAllAsync(report, new ReportingOptions { OutputDirectory = _directory }, CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([Path.Combine(_directory, "slo_violations.json"), Path.Combine(_directory, "slo_violations.md")], results.Select(r => r.Path));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(results[0].Path!));
        var markdown = await File.ReadAllTextAsync(results[1].Path!);
        Assert.DoesNotContain('\r', markdown);
        return (json, markdown);
    }

    private static string[][] TableRows(string markdown)
        => [.. markdown.Split('\n')
            .Where(static l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(static l => l.Trim('|').Split(" | ").Select(static c => c.Trim()).ToArray())];

    [Fact]
    public async Task Pass_WithASloBreach_WritesEveryViolationOfTheReport_InJsonAndMarkdown()
    {
        var report = await PassAsync(GeneratedWeeks.DegradingAtTheEnd());
        var expected = report.Slos.SelectMany(s => s.Violations.Select(v => (Slo: s, V: v))).OrderBy(r => r.V.Start).ThenBy(r => r.Slo.Name, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Contains(expected, r => r.Slo.Name == "availability" && r.V.Severity >= AlertSeverity.Error);

        var (json, markdown) = await WriteBothAsync(report);
        using (json)
        {
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
            Assert.Equal(report.Service, root.GetProperty("service").GetString());
            Assert.Equal(report.Slos.Sum(s => s.ViolationCount), root.GetProperty("violation_count").GetInt32());
            var violations = root.GetProperty("violations").EnumerateArray().ToArray();
            Assert.Equal(expected.Length, violations.Length);
            Assert.Equal(expected.Length, root.GetProperty("listed").GetInt32());
            for (var i = 0; i < expected.Length; i++)
            {
                var (slo, v) = expected[i];
                var j = violations[i];
                Assert.Equal(slo.Name, j.GetProperty("slo").GetString());
                Assert.Equal(slo.Kind, j.GetProperty("kind").GetString());
                Assert.Equal(v.Severity.ToString().ToLowerInvariant(), j.GetProperty("severity").GetString());
                Assert.Equal(v.Start, j.GetProperty("start").GetDateTimeOffset());
                Assert.Equal(v.End, j.GetProperty("end").GetDateTimeOffset());
                Assert.Equal((v.End - v.Start).TotalMinutes, j.GetProperty("duration_minutes").GetDouble());
                Assert.Equal(v.Snapshots, j.GetProperty("snapshots").GetInt32());
                Assert.Equal(v.Observed, j.GetProperty("observed").GetDouble());
                Assert.Equal(v.Threshold, j.GetProperty("threshold").GetDouble());
                Assert.Equal(slo.Objective, j.GetProperty("objective").GetDouble());
                Assert.Equal(slo.Kind == "latency_percentile" ? "ms" : "ratio", j.GetProperty("unit").GetString());
                Assert.Equal(v.Message, j.GetProperty("message").GetString());
                Assert.Contains(Figures.Time(v.Start), v.Message, StringComparison.Ordinal);
            }
        }

        var rows = TableRows(markdown);
        Assert.Equal(expected.Length, rows.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (slo, v) = expected[i];
            var row = rows[i];
            Assert.Equal($"`{slo.Name}`", row[0]);
            Assert.Equal($"`{slo.Kind}`", row[1]);
            Assert.Equal(v.Severity.ToString().ToLowerInvariant(), row[2]);
            Assert.Equal(Figures.Time(v.Start), row[3]);
            Assert.Equal(Figures.Time(v.End), row[4]);
            Assert.Equal(v.Snapshots.ToString(CultureInfo.InvariantCulture), row[6]);
            Assert.Equal(slo.Kind == "latency_percentile" ? Figures.Milliseconds(v.Observed) : Figures.Percent(v.Observed), row[7]);
        }

        Assert.DoesNotContain("No violations", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pass_OverAHealthyWeek_WritesAnEmptyListAndSaysNoViolations()
    {
        var report = await PassAsync(GeneratedWeeks.Week());
        Assert.All(report.Slos, s => Assert.Empty(s.Violations));

        var (json, markdown) = await WriteBothAsync(report);
        using (json)
        {
            Assert.Equal(0, json.RootElement.GetProperty("violations").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("violation_count").GetInt32());
        }

        Assert.Contains("no violations", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(TableRows(markdown));
    }

    [Fact]
    public async Task HealthReportJson_WithViolations_ValidatesAgainstTheSchema()
    {
        var report = await PassAsync(GeneratedWeeks.DegradingAtTheEnd());
        Assert.Contains(report.Slos, s => s.Violations.Count > 0);

        using var stream = new MemoryStream();
        await new JsonReporter().WriteAsync(report, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var (valid, errors) = Validate(ObservabilitySchemas.HealthReport, text);

        Assert.True(valid, errors);
        using var document = JsonDocument.Parse(text);
        var slo = document.RootElement.GetProperty("report").GetProperty("slos").EnumerateArray().First(s => s.GetProperty("violations").GetArrayLength() > 0);
        Assert.True(slo.TryGetProperty("violationCount", out _));
        Assert.True(slo.TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task AddSloViolationsReporter_CalledTwice_RegistersOneReporterForBothFiles()
    {
        await using var harness = ObservabilityTestHarness.Create(build: b => b.AddSloViolationsReporter().AddSloViolationsReporter());
        var reporters = harness.Services.GetServices<IReporter>().ToArray();

        Assert.Equal("slo_violations", Assert.Single(reporters.OfType<SloViolationsReporter>()).Format);
    }
}
