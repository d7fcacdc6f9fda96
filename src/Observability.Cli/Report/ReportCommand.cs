using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observability.Cli.Internal;

namespace Observability.Cli.Report;

/// <summary>
/// <c>obs report</c>: the daily and weekly summaries and the health report in every format rebuilt from a
/// folder of raw snapshots (the stability monitor's <c>day_NN_raw/snapshot_*.json</c>) or a snapshot file.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input")
        {
            Description = "A folder of raw snapshots (day_NN_raw/snapshot_*.json, searched recursively) or a snapshot file (CSV or JSON lines).",
            HelpName = "folder|file",
            Required = true,
        };
        var output = new Option<string>("--output") { Description = "Where the summaries and reports go (default: the input folder; for a file, report/).", HelpName = "dir" };
        var baseline = new Option<string>("--baseline") { Description = "The GA-day baseline JSON (metric -> value) that drift is measured against.", HelpName = "file" };
        var interval = new Option<string>("--interval") { Description = "The expected time between snapshots, for each day's completeness (default: 30; a bare number is minutes).", HelpName = "time" };
        var service = new Option<string>("--service") { Description = "The service named in the summaries and reports (default: checkout).", HelpName = "name" };
        var command = new Command(
            "report",
            "Rebuilds day_NN_summary.json, weekly_summary.json and .md and the health report (JSON, Markdown, dashboard.html, PDF, snapshots.csv, SLO violations, operational report) from raw snapshots, "
            + "with the library's thresholds; the last line is days=<n> snapshots=<n> verdict=<...> rollback=<yes|no>. "
            + "Exit codes: 0 the files are written, 1 bad arguments or a malformed snapshot (the file and line are named), 4 no snapshot.")
        {
            input, output, baseline, interval, service,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(input)!;
            var isFolder = Directory.Exists(source);
            if (!isFolder && !File.Exists(source))
            {
                throw new UsageException($"--input '{source}': no such folder or file.");
            }

            var settings = (
                Output: Inputs.WritableDirectory("--output", parse.GetValue(output) ?? (isFolder ? source : "report")),
                Baseline: parse.GetValue(baseline) is { } b ? Inputs.ExistingFile("--baseline", b) : null,
                Interval: parse.GetValue(interval) is { } i ? TimeText.Parse("--interval", i, TimeSpan.FromMinutes(1), "minutes") : TimeSpan.FromMinutes(30),
                Service: parse.GetValue(service) ?? "checkout");
            var snapshots = isFolder ? await ReadFolderAsync(source, cancellationToken).ConfigureAwait(false) : await ReadFileAsync(source, cancellationToken).ConfigureAwait(false);
            if (snapshots.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: --input '{source}': no snapshot found{(isFolder ? " (no snapshot_*.json files)" : string.Empty)}.").ConfigureAwait(false);
                return ExitCodes.NoData;
            }

            return await WriteAsync(snapshots, settings.Output, settings.Baseline, settings.Interval, settings.Service, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<IReadOnlyList<MetricSnapshot>> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var snapshots = new List<MetricSnapshot>();
        foreach (var file in RawSnapshotReader.Find(folder))
        {
            snapshots.Add(await RawSnapshotReader.ReadAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return [.. snapshots.OrderBy(static s => s.Timestamp)];
    }

    private static async Task<IReadOnlyList<MetricSnapshot>> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        var collector = new FileCollector("file", new FileCollectorOptions { Path = Path.GetFullPath(file) }, TimeProvider.System, NullLoggerFactory.Instance);
        var all = await collector.CollectAsync(new CollectionWindow(DateTimeOffset.UnixEpoch, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)), cancellationToken).ConfigureAwait(false);
        if (all.Errors.Count > 0 && !all.HasData)
        {
            throw new UsageException($"--input '{file}': {Redact.OneLine(string.Join("; ", all.Errors))}");
        }

        foreach (var error in all.Errors)
        {
            await Console.Error.WriteLineAsync($"warning: --input '{file}': {Redact.OneLine(error.ToString())}").ConfigureAwait(false);
        }

        return [.. all.Snapshots.OrderBy(static s => s.Timestamp)];
    }

    private static async Task<int> WriteAsync(
        IReadOnlyList<MetricSnapshot> snapshots, string output, string? baseline, TimeSpan interval, string service, CancellationToken cancellationToken)
    {
        // The summaries, as the stability monitor writes them: days by elapsed hours from the first snapshot.
        var thresholds = new ThresholdOptions();
        var aggregation = new DailyAggregationOptions { Thresholds = thresholds, ExpectedInterval = interval };
        if (baseline is not null)
        {
            try
            {
                foreach (var (metric, value) in StabilityBaseline.Load(baseline))
                {
                    aggregation.Baseline[metric] = value;
                }
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
        }

        var days = DailyAggregator.AggregateDays(snapshots, alerts: null, aggregation);
        var weekly = WeeklySummaryOptions.From(thresholds);
        weekly.ServiceName = service;
        var week = WeeklySummarizer.Summarize(days, weekly);
        var files = new List<string>(await new SummaryReporter().WriteFilesAsync(output, days, week, cancellationToken).ConfigureAwait(false));

        // The health reports: one pass over the whole span, judged on its last evaluation window.
        var (result, pages) = await PassAsync(snapshots, output, baseline, interval, service, week, cancellationToken).ConfigureAwait(false);
        foreach (var report in result.Reports)
        {
            if (report.Succeeded && report.Path is { } path)
            {
                files.Add(path);
            }
            else
            {
                await Console.Error.WriteLineAsync($"warning: the {report.Format} report failed: {report.Error}").ConfigureAwait(false);
            }
        }

        files.AddRange(pages);
        foreach (var file in files)
        {
            Console.WriteLine($"Wrote {file}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"days={days.Count} snapshots={snapshots.Count} verdict={ExitCodes.Token(result.Verdict.Decision)} rollback={(week.RollbackRecommended ? "yes" : "no")}"));
        return 0;
    }

    private static async Task<(MonitoringPassResult Result, IReadOnlyList<string> WeekPages)> PassAsync(
        IReadOnlyList<MetricSnapshot> snapshots, string output, string? baseline, TimeSpan interval, string service, WeeklySummary week, CancellationToken cancellationToken)
    {
        var start = snapshots[0].Timestamp;
        var end = snapshots[^1].Timestamp + interval;
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            LogFormat.AddConsole(logging, null, "obs", singleLineTimestamps: false);
            logging.SetMinimumLevel(LogLevel.Warning);
        });
        services.AddObservability(o =>
            {
                o.ServiceName = service;
                o.LookbackWindow = end - start;
                o.BaselineFile = baseline;
                o.Reports.OutputDirectory = output;
            })
            .AddCollector(new SnapshotListCollector("raw", snapshots))
            .AddAllReporters();
        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            if (provider.ValidateObservabilityOptions() is { Count: > 0 } problems)
            {
                throw new UsageException($"the configuration is not valid:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
            }

            var monitor = provider.GetRequiredService<IHealthMonitor>();
            var result = await monitor.RunOnceAsync(new CollectionWindow(start, end), cancellationToken).ConfigureAwait(false);

            // The dashboard, the PDF and the operational report again, now with the week's daily table.
            var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
            return (result, await Check.PeriodSummaries.WriteWeekPagesAsync(provider.GetServices<IReporter>(), result.Report, week, options, cancellationToken).ConfigureAwait(false));
        }
    }
}
