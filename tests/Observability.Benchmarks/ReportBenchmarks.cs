using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Benchmarks;

/// <summary>
/// Writing the reports of one pass over 30-second snapshots (a week: 20,160; and a tenth of it, 2,016, to show how
/// the cost grows) that carry 100 series each (the well-known metrics and 94 more): every format but the PDF (the JSON
/// health report with its timeline, Markdown, the HTML dashboard, snapshots.csv, the SLO violations in JSON and
/// Markdown, the operational report in JSON and Markdown), each alone, and the PDF (charts and operational report
/// included). The baseline is a bare <see cref="Utf8JsonWriter"/> dump of the same values (each snapshot's time and
/// its 100 numbers, indented like the report): the least any writer of every number can cost. Each writes to
/// <see cref="Stream.Null"/>: the cost of rendering, not of the disk. The set-up holds a large week, so run it in
/// process: <c>--filter '*ReportBenchmarks*' --inProcess --warmupCount 1 --iterationCount 5</c>.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private const int Series = 100;

    private HealthReport _report = null!;
    private IReporter[] _allButPdf = null!;
    private PdfReporter _pdf = null!;
    private JsonReporter _json = null!;

    /// <summary>Gets or sets the number of snapshots in the pass.</summary>
    [Params(2_016, 20_160)]
    public int Snapshots { get; set; } = 20_160;

    /// <summary>Runs one real pass over the generated week and keeps its report.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);
        // The same week at either resolution: 20,160 snapshots are 30 s apart, 2,016 are 5 minutes apart.
        var interval = 7 * 24 * 3600 / Snapshots;
        var snapshots = new MetricSnapshot[Snapshots];
        for (var i = 0; i < Snapshots; i++)
        {
            var degraded = i * interval > (7 * 24 * 3600) - 7200;
            var requests = 200 + (50 * Math.Sin(i * interval * 2 * Math.PI / 86400));
            var errors = Math.Round(requests * (degraded ? 0.06 : 0.001));
            var metrics = new Dictionary<string, double>(Series, StringComparer.Ordinal)
            {
                [WellKnownMetrics.RequestCount] = Math.Round(requests),
                [WellKnownMetrics.ErrorCount] = errors,
                [WellKnownMetrics.LatencyP95] = 120 + (i % 37) + (degraded ? 300 : 0),
                [WellKnownMetrics.LatencyP99] = 250 + (i % 53) + (degraded ? 450 : 0),
                [WellKnownMetrics.CpuUtilization] = 0.4 + ((i % 11) / 100.0),
                [WellKnownMetrics.MemoryUtilization] = 0.55,
            };
            for (var s = metrics.Count; s < Series; s++)
            {
                metrics[$"series_{s:D3}"] = (i * 7 % (s + 13)) + (s / 10.0);
            }

            snapshots[i] = new MetricSnapshot(start.AddSeconds(interval * i), "generated", metrics);
        }

        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.LookbackWindow = TimeSpan.FromDays(7);
        }).AddCollector(new ScriptedCollector("memory").Add(snapshots));
        using var provider = services.BuildServiceProvider();
        _report = provider.GetRequiredService<IHealthMonitor>().RunOnceAsync(new CollectionWindow(start, start.AddDays(7))).GetAwaiter().GetResult().Report;
        if (_report.Timeline.Count != Snapshots || _report.Timeline[0].Metrics.Count != Series)
        {
            throw new InvalidOperationException($"Expected {Snapshots} judged snapshots of {Series} series, got {_report.Timeline.Count}.");
        }

        var thresholds = new ThresholdOptions();
        _json = new JsonReporter();
        _allButPdf =
        [
            _json, new MarkdownReporter(), new HtmlReporter(new HtmlReporterOptions(), thresholds), new SnapshotCsvReporter(),
            new SloViolationsReporter(), new OperationalReporter(new OperationalReporterOptions()),
        ];
        _pdf = new PdfReporter(new PdfReporterOptions(), thresholds);
    }

    /// <summary>The floor: each snapshot's time and its 100 values written by a bare <see cref="Utf8JsonWriter"/>, indented.</summary>
    [Benchmark(Baseline = true)]
    public void BareJsonDump()
    {
        using var writer = new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var snapshot in _report.Timeline)
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", snapshot.Timestamp);
            writer.WriteStartObject("metrics");
            foreach (var (name, value) in snapshot.Metrics)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The JSON health report alone (with its timeline of every snapshot and value).</summary>
    [Benchmark]
    public Task Json() => _json.WriteAsync(_report, Stream.Null);

    /// <summary>Every format but the PDF, one after the other, as the report writer does after a pass (the SLO violations' and the operational report's Markdown included).</summary>
    [Benchmark]
    public async Task AllButPdf()
    {
        foreach (var reporter in _allButPdf)
        {
            await reporter.WriteAsync(_report, Stream.Null).ConfigureAwait(false);
        }

        // The Markdown files the report writer writes beside the SLO violations' and the operational report's JSON.
        await Internal.ReportOutput.WriteTextAsync(Internal.SloViolationsExport.RenderMarkdown(_report), Stream.Null, default).ConfigureAwait(false);
        await Internal.ReportOutput.WriteTextAsync(Internal.OperationalReportMarkdown.Render(Internal.OperationalReport.Build(_report, null)), Stream.Null, default).ConfigureAwait(false);
    }

    /// <summary>The dashboard alone.</summary>
    [Benchmark]
    public Task Html() => _allButPdf[2].WriteAsync(_report, Stream.Null);

    /// <summary>snapshots.csv alone (one row per snapshot, 100 series).</summary>
    [Benchmark]
    public Task Csv() => _allButPdf[3].WriteAsync(_report, Stream.Null);

    /// <summary>The PDF of the health report, charts and operational report included.</summary>
    [Benchmark]
    public Task Pdf() => _pdf.WriteAsync(_report, Stream.Null);
}
