using System.Text;
using static Observability.Internal.MarkdownText;

namespace Observability;

/// <content>The tables of the Markdown report.</content>
public sealed partial class MarkdownReporter
{
    private static void AppendScores(StringBuilder md, HealthReport report)
    {
        var health = report.Health;
        var stability = report.Stability;
        md.Append("## Scores\n\n")
          .Append("| Score | Value | Detail |\n|---|---:|---|\n")
          .Append("| Health | ").Append(Number(health.Value, "0.#")).Append(" / 100 | ").Append(health.Status.ToString()).Append(" |\n")
          .Append("| Stability | ").Append(Number(stability.Value, "0.#")).Append(" / 100 | Grade ").Append(Cell(stability.Grade)).Append(" |\n")
          .Append("| Availability SLO compliance | ").Append(stability.AvailabilityCompliance is { } ac ? Percent(ac) : "n/a").Append(" | share of judged snapshots meeting the availability target |\n")
          .Append("| Latency SLO compliance | ").Append(stability.LatencyCompliance is { } lc ? Percent(lc) : "n/a (no p99 measured)").Append(" | share of snapshots whose p99 met the latency target |\n")
          .Append("| Drift | ").Append(stability.DriftPercent is { } d ? Number(d, "0.#") + " %" : "n/a (no baseline)").Append(" | mean daily level drift from the baseline |\n\n");

        if (health.Components.Count == 0)
        {
            return;
        }

        md.Append("### Health score components\n\n| Component | Points | Detail |\n|---|---:|---|\n");
        foreach (var component in health.Components)
        {
            md.Append("| ").Append(Code(component.Name))
              .Append(" | ").Append(Number(component.Points, "+0.#;-0.#;0"))
              .Append(" | ").Append(Cell(component.Detail)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendSlos(StringBuilder md, IReadOnlyList<SloStatus> slos)
    {
        if (slos.Count == 0)
        {
            return;
        }

        md.Append("## Service level objectives\n\n| SLO | Objective | Compliance | Budget left | Burn rate (1 h) | Budget runs out | Firing |\n|---|---:|---:|---:|---:|---|---|\n");
        foreach (var slo in slos)
        {
            md.Append("| ").Append(Code(slo.Name))
              .Append(" | ").Append(Percent(slo.Objective))
              .Append(" | ").Append(slo.Compliance is { } compliance ? Percent(compliance) : None)
              .Append(" | ").Append(Percent(slo.BudgetRemaining))
              .Append(" | ").Append(slo.BurnRate is { } rate ? Number(rate, "0.##") + "x" : None)
              .Append(" | ").Append(slo.ProjectedExhaustion is { } at ? at.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) : None)
              .Append(" | ").Append(slo.FiringRules.Count == 0 ? None : Cell(string.Join(", ", slo.FiringRules))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendMetrics(StringBuilder md, IReadOnlyList<MetricSummary> metrics)
    {
        md.Append("## Metrics\n\n");
        if (metrics.Count == 0)
        {
            md.Append("_No usable metric values._\n\n");
            return;
        }

        md.Append("| Metric | Count | Min | Mean | Max | Last | Recent mean |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var m in metrics)
        {
            md.Append("| ").Append(Code(m.Name))
              .Append(" | ").Append(Integer(m.Count))
              .Append(" | ").Append(Metric(m.Name, m.Min))
              .Append(" | ").Append(Metric(m.Name, m.Mean))
              .Append(" | ").Append(Metric(m.Name, m.Max))
              .Append(" | ").Append(Metric(m.Name, m.Last))
              .Append(" | ").Append(m.RecentMean is { } recent ? Metric(m.Name, recent) : None).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>The timeline in one paragraph: the JSON's <c>timeline</c>, <c>snapshots.csv</c> and the dashboard hold every snapshot.</summary>
    private static void AppendTimeline(StringBuilder md, IReadOnlyList<SnapshotJudgement> timeline)
    {
        if (timeline.Count == 0)
        {
            return;
        }

        md.Append("## Snapshots judged one by one\n\n**").Append(Integer(timeline.Count)).Append("** snapshots: ");
        md.Append(string.Join(", ", Enum.GetValues<HealthStatus>().Select(s => $"**{Integer(timeline.Count(t => t.Status == s))}** {s.ToString().ToLowerInvariant()}")));
        md.Append(" (unknown: a data gap).");
        if (timeline.Where(static t => t.Health is not null).MinBy(static t => t.Health) is { } lowest)
        {
            md.Append(" Lowest health **").Append(Observability.Internal.Figures.Score(lowest.Health!.Value)).Append("** at ").Append(Time(lowest.Timestamp)).Append('.');
        }

        var flagged = timeline.Count(static t => t.AlertFlags.Count > 0);
        md.Append(" **").Append(Integer(flagged)).Append("** with alert flags; every snapshot with its flags is in `snapshots.csv` and the JSON's `timeline`.\n\n");
    }

    private static void AppendDataQuality(StringBuilder md, DataQualitySummary quality)
    {
        md.Append("## Data quality\n\n")
          .Append("**").Append(Integer(quality.Total)).Append("** snapshots: **")
          .Append(Integer(quality.Usable)).Append("** usable, **")
          .Append(Integer(quality.Empty)).Append("** empty or failed");
        if (quality.Total > 0)
        {
            md.Append(" (").Append(Percent((double)quality.Usable / quality.Total)).Append(" usable)");
        }

        md.Append(".\n\n");
        if (quality.Gaps.Count == 0)
        {
            md.Append("_No gaps._\n\n");
            return;
        }

        md.Append("| Start | End | Snapshots | Category | Kind |\n|---|---|---:|---|---|\n");
        foreach (var gap in quality.Gaps)
        {
            md.Append("| ").Append(Time(gap.Start))
              .Append(" | ").Append(Time(gap.End))
              .Append(" | ").Append(Integer(gap.Snapshots))
              .Append(" | ").Append(Code(gap.Category))
              .Append(" | ").Append(gap.Persistent ? "persistent" : "transient").Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendCollections(StringBuilder md, IReadOnlyList<CollectionSummary> collections)
    {
        md.Append("## Collections\n\n");
        if (collections.Count == 0)
        {
            md.Append("_No collectors ran._\n\n");
            return;
        }

        md.Append("| Collector | Status | Snapshots | Used | Errors and warnings |\n|---|---|---:|---|---|\n");
        foreach (var c in collections)
        {
            md.Append("| ").Append(Cell(c.Collector))
              .Append(" | ").Append(c.Status.ToString())
              .Append(" | ").Append(Integer(c.Snapshots))
              .Append(" | ").Append(c.Used ? "yes" : "no")
              .Append(" | ").Append(c.Errors.Count + c.Warnings.Count == 0 ? None : string.Join("<br>", c.Errors.Select(Cell).Concat(c.Warnings.Select(w => "warning: " + Cell(w))))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendAlerts(StringBuilder md, IReadOnlyList<Alert> alerts)
    {
        md.Append("## Alerts\n\n");
        if (alerts.Count == 0)
        {
            md.Append("_No alerts were raised._\n\n");
            return;
        }

        md.Append("| Severity | Title | Rule | Fingerprint | Message |\n|---|---|---|---|---|\n");
        foreach (var a in alerts)
        {
            var fingerprint = a.Fingerprint is { Length: > 0 } f ? Code(f[..Math.Min(8, f.Length)]) : None;
            md.Append("| ").Append(a.Severity.ToString())
              .Append(" | ").Append(Cell(a.Title))
              .Append(" | ").Append(Code(a.Rule))
              .Append(" | ").Append(fingerprint)
              .Append(" | ").Append(a.Message.Length == 0 ? None : Cell(a.Message)).Append(" |\n");
        }

        md.Append('\n');
    }
}
