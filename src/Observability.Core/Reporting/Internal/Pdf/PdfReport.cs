using System.Globalization;

namespace Observability.Internal.Pdf;

/// <summary>
/// The health report and the weekly summary as PDF: the verdict and its reasons, the scores, the SLO table, the
/// dashboard's charts (the same <see cref="DashboardCharts"/> data), the daily table and the operational report's
/// sections (the same <see cref="OperationalText"/> blocks as its Markdown). Every number by <see cref="Figures"/>.
/// </summary>
internal static class PdfReport
{
    public static byte[] Render(HealthReport report, WeeklySummary? week, ThresholdOptions t, bool includeCharts, bool includeOperational)
    {
        var title = $"Health report: {report.Service}";
        var pdf = new PdfLayout($"{title} - generated {Figures.Time(report.GeneratedAt)} by Observability");
        pdf.Title(title + (report.Environment is { } env ? $" ({env})" : string.Empty));
        pdf.Paragraph($"Window {Figures.Time(report.Window.Start)} -> {Figures.Time(report.Window.End)}, verdict on {Figures.Time(report.EvaluationWindow.Start)} -> {Figures.Time(report.EvaluationWindow.End)}.", color: "#57606a");

        var v = report.Verdict;
        var (border, fill) = v.Decision switch
        {
            Decision.Proceed => ("#1a7f37", "#dafbe1"),
            Decision.Hold => ("#9a6700", "#fff8c5"),
            Decision.Rollback => ("#cf222e", "#ffebe9"),
            _ => ("#57606a", "#f6f8fa"),
        };
        pdf.Box($"Verdict: {(v.Decision == Decision.NoData ? "No data" : v.Decision.ToString())}", [v.Summary, $"Health {Figures.Score(report.Health.Value)} ({report.Health.Status.ToString().ToLowerInvariant()}), stability {Figures.Score(report.Stability.Value)} (grade {report.Stability.Grade})."], border, fill);
        pdf.Heading("Reasons");
        pdf.Bullets(v.Reasons.Count == 0 ? ["No rule fired."] : v.Reasons.Select(static r => $"{r.Severity}: {r.Rule}: {r.Message}"));

        pdf.Heading("Scores");
        var s = report.Stability;
        pdf.Table(["Score", "Value", "Detail"],
        [
            ["Health", $"{Figures.Score(report.Health.Value)} / 100", report.Health.Status.ToString()],
            ["Stability", $"{Figures.Score(s.Value)} / 100", $"Grade {s.Grade}"],
            ["Availability SLO compliance", s.AvailabilityCompliance is { } ac ? Figures.Percent(ac) : "n/a", "share of judged snapshots meeting the availability target"],
            ["Latency SLO compliance", s.LatencyCompliance is { } lc ? Figures.Percent(lc) : "n/a", "share of snapshots whose p99 met the latency target"],
            ["Drift", s.DriftPercent is { } d ? Figures.PercentValue(d) : "n/a", "mean daily level drift from the baseline"],
        ], [0.3, 0.2, 0.5]);
        if (report.Health.Components.Count > 0)
        {
            pdf.Table(["Health component", "Points", "Detail"], [.. report.Health.Components.Select(static c => (IReadOnlyList<string>)[c.Name, Figures.Signed(c.Points), c.Detail])], [0.22, 0.1, 0.68]);
        }

        if (report.Slos.Count > 0)
        {
            pdf.Heading("Service level objectives");
            pdf.Table(["SLO", "Objective", "Compliance", "Budget left", "Burn rate", "Budget exhausted"],
                [.. report.Slos.Select(static x => (IReadOnlyList<string>)[x.Name, Figures.Percent(x.Objective), x.Compliance is { } c ? Figures.Percent(c) : "—", Figures.Percent(x.BudgetRemaining), x.BurnRate is { } b ? Figures.BurnRate(b) : "—", x.ProjectedExhaustion is { } e ? Figures.Time(e) : "not projected"])],
                [0.16, 0.12, 0.14, 0.14, 0.12, 0.32]);
        }

        if (includeCharts && report.Timeline.Count > 0)
        {
            pdf.Heading("Charts");
            foreach (var chart in DashboardCharts.For(report, t))
            {
                pdf.Chart(chart);
            }
        }

        if (week is not null)
        {
            Week(pdf, week);
        }

        if (includeOperational)
        {
            pdf.Title("Operational report");
            Blocks(pdf, OperationalReport.Build(report, week));
        }

        return pdf.ToPdf(title);
    }

    public static byte[] RenderWeek(WeeklySummary week)
    {
        var title = $"Weekly summary: {week.ServiceName ?? "service"}";
        var pdf = new PdfLayout($"{title} - Observability");
        pdf.Title(title);
        Week(pdf, week);
        return pdf.ToPdf(title);
    }

    private static void Week(PdfLayout pdf, WeeklySummary week)
    {
        pdf.Heading($"The week: {Day(week.FirstDay)} to {Day(week.LastDay)}");
        pdf.Bullets(
        [
            $"Availability {P(week.AverageAvailability)}, SLO compliance {P(week.AvailabilitySloCompliance)}",
            $"Error rate {P(week.AverageErrorRate)}",
            $"Latency p95 {Ms(week.AverageLatencyP95)}, p99 {Ms(week.AverageLatencyP99)}, SLO compliance {P(week.LatencySloCompliance)}",
            $"Stability {Figures.Score(week.Stability.Value)} (grade {week.Stability.Grade})",
            $"Days with data {week.DaysWithData} of {week.Days}",
        ]);
        if (week.Recommendations.Count > 0)
        {
            pdf.Paragraph("Recommendations", 10, bold: true);
            pdf.Bullets(week.Recommendations);
        }

        pdf.Paragraph("Daily table", 10, bold: true);
        pdf.Table(["Day", "Availability", "SLO compl.", "Error rate", "p95", "p99", "Alerts", "Stability", "Data", "Flags"],
            [.. week.DailySummaries.Select(static d => (IReadOnlyList<string>)
            [
                $"Day {d.DayNumber} {Day(d.Day)}", P(d.Availability.Average), P(d.Availability.SloCompliance), P(d.Errors.AverageRate), Ms(d.Latency.P95Average), Ms(d.Latency.P99Average),
                (d.Alerts.Warning + d.Alerts.Error + d.Alerts.Critical).ToString(CultureInfo.InvariantCulture), $"{Figures.Score(d.Stability.Value)} {d.Stability.Grade}",
                Figures.PercentValue(d.Completeness.Percent), string.Join(", ", d.Flags.Select(static f => f.Rule)),
            ])],
            [0.15, 0.1, 0.09, 0.08, 0.08, 0.08, 0.06, 0.08, 0.07, 0.21], size: 7);
    }

    private static void Blocks(PdfLayout pdf, OperationalReport o)
    {
        foreach (var (heading, blocks) in OperationalText.Sections(o))
        {
            pdf.Heading(heading);
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case OperationalText.Paragraph p:
                        pdf.Paragraph(p.Text);
                        break;
                    case OperationalText.List l:
                        pdf.Bullets(l.Items);
                        break;
                    case OperationalText.Table table:
                        if (table.Title is { } title)
                        {
                            pdf.Paragraph(title, 9.5, bold: true);
                        }

                        pdf.Table(table.Headers, table.Rows, table.Widths, table.LeftAligned);
                        break;
                }
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string P(double? ratio) => ratio is { } r ? Figures.Percent(r) : "—";

    private static string Ms(double? ms) => ms is { } m ? Figures.Milliseconds(m) : "—";
}
