using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Benchmarks;

/// <summary>
/// Writing the reports of one pass over a week of 30-second snapshots (20,160) that carry 100 series each (the
/// well-known metrics and 94 more): every format but the PDF (the JSON health report with its timeline, Markdown,
/// the HTML dashboard, snapshots.csv, the SLO violations in JSON and Markdown, the operational report in JSON and
/// Markdown), and the PDF (charts and operational report included), against the JSON report alone as the baseline.
/// Each writes to <see cref="Stream.Null"/>: the cost of rendering, not of the disk. The set-up holds a large week, so
/// run it in process: <c>--filter '*ReportBenchmarks*' --inProcess --warmupCount 1 --iterationCount 5</c>.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private const int Snapshots = 20_160;
    private const int Series = 100;

    private HealthReport _report = null!;
    private IReporter[] _allButPdf = null!;
    private PdfReporter _pdf = null!;
    private JsonReporter _json = null!;

    /// <summary>Runs one real pass over the generated week and keeps its report.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);
        var snapshots = new MetricSnapshot[Snapshots];
        for (var i = 0; i < Snapshots; i++)
        {
            var degraded = i > Snapshots - 240;
            var requests = 200 + (50 * Math.Sin(i * 2 * Math.PI / 2880));
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

            snapshots[i] = new MetricSnapshot(start.AddSeconds(30 * i), "generated", metrics);
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

    /// <summary>The JSON health report alone (with its 20,160-snapshot timeline).</summary>
    [Benchmark(Baseline = true)]
    public Task Json() => _json.WriteAsync(_report, Stream.Null);

    /// <summary>Every format but the PDF, one after the other, as the report writer does after a pass (the operational report's Markdown included).</summary>
    [Benchmark]
    public async Task AllButPdf()
    {
        foreach (var reporter in _allButPdf)
        {
            await reporter.WriteAsync(_report, Stream.Null).ConfigureAwait(false);
        }

        // The operational report's Markdown, which the report writer writes beside its JSON.
        var markdown = Internal.OperationalReportMarkdown.Render(Internal.OperationalReport.Build(_report, null));
        await Stream.Null.WriteAsync(System.Text.Encoding.UTF8.GetBytes(markdown.ToString())).ConfigureAwait(false);
    }

    /// <summary>The dashboard alone.</summary>
    [Benchmark]
    public Task Html() => _allButPdf[2].WriteAsync(_report, Stream.Null);

    /// <summary>snapshots.csv alone (20,160 rows of 100 series).</summary>
    [Benchmark]
    public Task Csv() => _allButPdf[3].WriteAsync(_report, Stream.Null);

    /// <summary>The PDF of the health report, charts and operational report included.</summary>
    [Benchmark]
    public Task Pdf() => _pdf.WriteAsync(_report, Stream.Null);
}
