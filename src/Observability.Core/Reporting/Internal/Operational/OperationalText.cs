namespace Observability.Internal;

/// <summary>
/// The operational report as format-neutral blocks (paragraphs, lists, tables of text), every number written once by
/// <see cref="Figures"/>: the Markdown and the PDF render the same blocks, so they print the same figures.
/// </summary>
internal static class OperationalText
{
    internal abstract record Block;

    internal sealed record Paragraph(string Text) : Block;

    internal sealed record List(IReadOnlyList<string> Items) : Block;

    internal sealed record Table(string? Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths, bool LeftAligned = false) : Block;

    private const string None = "—";

    public static IEnumerable<(string Heading, IReadOnlyList<Block> Blocks)> Sections(OperationalReport o)
    {
        yield return ("Executive summary", Executive(o));
        yield return ("Performance", Performance(o));
        yield return ("SLO compliance", Slos(o));
        yield return ("Error analysis", Errors(o));
        yield return ("Regional analysis", Regions(o));
        yield return ("Regression likelihood", Regression(o));
        yield return ("Recommendations", [new List(o.Recommendations)]);
    }

    private static List<Block> Executive(OperationalReport o)
    {
        var r = o.Report;
        var decision = r.Verdict.Decision == Decision.NoData ? "no data" : r.Verdict.Decision.ToString().ToLowerInvariant();
        return
        [
            new Paragraph($"Verdict: {decision}. {r.Verdict.Summary}"),
            new Table(null, ["Figure", "Value"],
            [
                ["Health score", $"{Figures.Score(r.Health.Value)} / 100 ({r.Health.Status.ToString().ToLowerInvariant()})"],
                ["Stability score", $"{Figures.Score(r.Stability.Value)} / 100 (grade {r.Stability.Grade})"],
                ["Availability SLO compliance", Percent(r.Stability.AvailabilityCompliance)],
                ["Latency SLO compliance", Percent(r.Stability.LatencyCompliance)],
                ["Snapshots (usable)", $"{Figures.Count(r.DataQuality.Total)} ({Figures.Count(r.DataQuality.Usable)})"],
                ["Alerts raised", Figures.Count(r.Alerts.Count)],
            ], [0.5, 0.5]),
            new List([.. r.Verdict.Reasons.Select(static f => $"{f.Severity.ToString().ToLowerInvariant()} {f.Rule}: {f.Message}")]),
        ];
    }

    private static List<Block> Performance(OperationalReport o)
    {
        var blocks = new List<Block>();
        if (o.Latency.Count == 0)
        {
            blocks.Add(new Paragraph("No latency was measured."));
        }
        else
        {
            blocks.Add(new Table("Latency distribution", ["Percentile", "Snapshots", "Min", "Mean", "Max", "Last", "Evaluation window mean"],
                [.. o.Latency.Select(static p => (IReadOnlyList<string>)[p.Percentile, Figures.Count(p.Summary.Count), Figures.Milliseconds(p.Summary.Min), Figures.Milliseconds(p.Summary.Mean), Figures.Milliseconds(p.Summary.Max), Figures.Milliseconds(p.Summary.Last), p.Summary.RecentMean is { } m ? Figures.Milliseconds(m) : None])],
                [0.16, 0.12, 0.14, 0.14, 0.14, 0.14, 0.16]));
        }

        if (o.Histogram.Count > 0)
        {
            blocks.Add(new Table("Latency histogram (snapshots per band; the data has no request-level buckets)", ["Band", "p95 snapshots", "p99 snapshots"],
                [.. o.Histogram.Select(static b => (IReadOnlyList<string>)[b.Label, Figures.Count(b.P95Snapshots), Figures.Count(b.P99Snapshots)])], [0.4, 0.3, 0.3]));
        }

        blocks.Add(new Paragraph(o.Throughput is { } t
            ? $"Throughput: {Figures.Count(t.Mean)} requests per snapshot on average (min {Figures.Count(t.Min)}, max {Figures.Count(t.Max)}, evaluation window {(t.RecentMean is { } m ? Figures.Count(m) : None)})."
            : "Throughput: no request count was collected."));
        return blocks;
    }

    private static List<Block> Slos(OperationalReport o)
    {
        if (o.BurnDown.Count == 0)
        {
            return [new Paragraph("No SLO had data.")];
        }

        var blocks = new List<Block>
        {
            new Table(null, ["SLO", "Objective", "Compliance", "Budget left", "Burn rate", "Violations", "Days to exhaustion"],
                [.. o.BurnDown.Select(static t => (IReadOnlyList<string>)[t.Slo.Name, Figures.Percent(t.Slo.Objective), Percent(t.Slo.Compliance), Figures.Percent(t.Slo.BudgetRemaining), t.Slo.BurnRate is { } b ? Figures.BurnRate(b) : None, Figures.Count(Math.Max(t.Slo.ViolationCount, t.Slo.Violations.Count)), t.Exhaustion])],
                [0.14, 0.11, 0.12, 0.12, 0.1, 0.1, 0.31]),
        };
        foreach (var table in o.BurnDown.Where(static t => t.Days.Count > 0))
        {
            blocks.Add(new Table($"Burn-down: {table.Slo.Name}", ["Day", "Compliance", "Budget consumed", "Budget left"],
                [.. table.Days.Select(static d => (IReadOnlyList<string>)[OperationalReportMarkdown.Day(d.Day), Percent(d.Compliance), Figures.Percent(d.Consumed), Figures.Percent(d.Remaining)])],
                [0.25, 0.25, 0.25, 0.25]));
        }

        return blocks;
    }

    private static List<Block> Errors(OperationalReport o)
    {
        var blocks = new List<Block>
        {
            new Paragraph(o.ErrorCount is { } e
                ? $"Errors: {Figures.Count(e.Mean)} per snapshot on average (max {Figures.Count(e.Max)}); error rate over the evaluation window in the executive summary."
                : "Errors: no error count was collected."),
        };
        blocks.Add(o.TopErrors.Count == 0
            ? new Paragraph("No rule fired on any snapshot.")
            : new Table("Top errors (rules that fired on snapshots)", ["Rule", "Category", "Flag", "Snapshots", "First", "Last"],
                [.. o.TopErrors.Take(10).Select(static e => (IReadOnlyList<string>)[e.Rule, e.Category, e.Flag ?? None, Figures.Count(e.Snapshots), Figures.Time(e.First), Figures.Time(e.Last)])],
                [0.25, 0.13, 0.15, 0.1, 0.185, 0.185]));
        blocks.Add(o.Taxonomy.Count == 0
            ? new Paragraph("Error taxonomy: no error category was collected and no rule fired.")
            : new Table("Error taxonomy by category", ["Category", "Source", "Count"],
                [.. o.Taxonomy.Select(static t => (IReadOnlyList<string>)[t.Category, t.Source switch { "ci_error_lines" => "CI error lines", "rules" => "snapshots with rules of the category", _ => "snapshots not collected" }, Figures.Count(t.Count)])],
                [0.3, 0.5, 0.2]));
        if (!o.Taxonomy.Any(static t => t.Source == "ci_error_lines"))
        {
            blocks.Add(new Paragraph("No CI error lines per category (ci_error_lines@<category>) were collected."));
        }

        return blocks;
    }

    private static List<Block> Regions(OperationalReport o)
    {
        var blocks = new List<Block>();
        if (!o.HasRegionalData)
        {
            blocks.Add(new Paragraph("No regional data: no metric carries a region (latency_p95_ms@<region>)."));
        }

        if (o.Regions.Count > 0)
        {
            blocks.Add(new Table(null, ["Region", "p95 mean", "p99 mean", "Error rate", "Availability", "p95 baseline", "p95 now", "Drift"],
                [.. o.Regions.Select(static r => (IReadOnlyList<string>)[r.Region == OperationalReport.RegionalAll ? "all (the service)" : r.Region, Ms(r.LatencyP95?.Mean), Ms(r.LatencyP99?.Mean), Percent(r.ErrorRate?.Mean), Percent(r.Availability?.Mean), Ms(r.Drift?.BaselineMs), Ms(r.Drift?.RecentMs), Ms(r.Drift?.DriftMs)])],
                [0.19, 0.11, 0.11, 0.11, 0.12, 0.12, 0.12, 0.12]));
        }

        if (o.Report.Health.Components.FirstOrDefault(static c => c.Name == "regional_latency_drift") is { } drift)
        {
            blocks.Add(new Paragraph($"Health score: {drift.Detail} ({Figures.Signed(drift.Points)} points)."));
        }

        return blocks;
    }

    private static List<Block> Regression(OperationalReport o)
    {
        if (o.Report.Regression is not { } r)
        {
            return [new Paragraph("Not classified: there was no baseline (the same hours of earlier days) to compare with.")];
        }

        var blocks = new List<Block> { new Paragraph($"{r.Category.Replace('_', ' ')} with confidence {Figures.Number(r.Confidence, "0.##")}. {r.Reason}") };
        if (r.Evidence.Count > 0)
        {
            blocks.Add(new List(r.Evidence));
        }

        return blocks;
    }

    private static string Percent(double? ratio) => ratio is { } r && double.IsFinite(r) ? Figures.Percent(r) : None;

    private static string Ms(double? ms) => ms is { } m && double.IsFinite(m) ? Figures.Milliseconds(m) : None;
}
