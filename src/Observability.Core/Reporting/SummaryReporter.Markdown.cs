using System.Text;
using static Observability.Internal.MarkdownText;

namespace Observability;

/// <content>The weekly summary as Markdown.</content>
public sealed partial class SummaryReporter
{
    private static string WeeklyMarkdown(WeeklySummary week, IReadOnlyList<DailySummary> days)
    {
        var md = new StringBuilder(4096);
        md.Append("# Weekly summary: ").Append(Day(week.FirstDay)).Append(" to ").Append(Day(week.LastDay)).Append("\n\n");
        md.Append(week.RollbackRecommended ? "**Rollback recommended.**\n\n" : "**No rollback recommended.**\n\n");
        foreach (var reason in week.RollbackReasons)
        {
            md.Append("- ").Append(Code(reason.Rule)).Append(": ").Append(Cell(reason.Message)).Append('\n');
        }

        if (week.RollbackReasons.Count > 0)
        {
            md.Append('\n');
        }

        md.Append("| Week | Value |\n|---|---:|\n")
          .Append("| Days with data | ").Append(Integer(week.DaysWithData)).Append(" of ").Append(Integer(week.Days)).Append(" |\n")
          .Append("| Average availability | ").Append(OrNone(week.AverageAvailability, Percent)).Append(" |\n")
          .Append("| Average error rate | ").Append(OrNone(week.AverageErrorRate, Percent)).Append(" |\n")
          .Append("| Average p99 latency | ").Append(OrNone(week.AverageLatencyP99, static v => Number(v, "0.#") + " ms")).Append(" |\n")
          .Append("| Average drift | ").Append(OrNone(week.AverageDriftPercent, static v => Number(v, "0.#") + " %")).Append(" |\n")
          .Append("| Stability | ").Append(Number(week.Stability.Value, "0.#")).Append(" / 100, grade ").Append(Cell(week.Stability.Grade)).Append(" |\n")
          .Append("| Critical alerts | ").Append(Integer(week.Alerts.Critical)).Append(" |\n\n");

        AppendDays(md, days);
        AppendTrends(md, week.Trends);
        AppendList(md, "Recommendations", week.Recommendations);
        AppendList(md, "Action items", week.ActionItems);
        return md.ToString();
    }

    private static void AppendDays(StringBuilder md, IReadOnlyList<DailySummary> days)
    {
        md.Append("## Days\n\n| Day | Availability (avg) | In SLO | Error rate (avg) | p99 (avg) | Latency in SLO | Stability | Snapshots | Degraded |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var day in days)
        {
            md.Append("| ").Append(Integer(day.DayNumber)).Append(' ').Append(Day(day.Day))
              .Append(" | ").Append(OrNone(day.Availability.Average, Percent))
              .Append(" | ").Append(OrNone(day.Availability.SloCompliance, Percent))
              .Append(" | ").Append(OrNone(day.Errors.AverageRate, Percent))
              .Append(" | ").Append(OrNone(day.Latency.P99Average, static v => Number(v, "0.#") + " ms"))
              .Append(" | ").Append(OrNone(day.Latency.SloCompliance, Percent))
              .Append(" | ").Append(Number(day.Stability.Value, "0.#")).Append(' ').Append(Cell(day.Stability.Grade))
              .Append(" | ").Append(Integer(day.Completeness.Actual)).Append(" / ").Append(Integer(day.Completeness.Expected))
              .Append(" | ").Append(day.Flags.Count == 0 ? None : Cell(string.Join("; ", day.Flags.Select(static f => f.Reason)))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendTrends(StringBuilder md, WeeklyTrends trends)
    {
        md.Append("## Trends\n\n");
        foreach (var trend in new[] { trends.Availability, trends.ErrorRate, trends.LatencyP95, trends.LatencyP99, trends.Cpu, trends.Memory })
        {
            if (trend is not null)
            {
                md.Append("- ").Append(Cell(trend.Reason)).Append('\n');
            }
        }

        md.Append("- First half against second half: ").Append(Code(trends.Halves.Overall.ToString())).Append('\n');
        foreach (var change in new[] { trends.Halves.Availability, trends.Halves.LatencyP95, trends.Halves.LatencyP99, trends.Halves.Cpu, trends.Halves.Memory })
        {
            md.Append("  - ").Append(Cell(change.Reason)).Append('\n');
        }

        if (trends.LatencyP99ReachesTarget is { } reaches)
        {
            md.Append("- At the current slope, p99 latency reaches its target at ").Append(reaches.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendList(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (items.Count == 0)
        {
            md.Append("_None._\n\n");
            return;
        }

        foreach (var item in items)
        {
            md.Append("- ").Append(Cell(item)).Append('\n');
        }

        md.Append('\n');
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string OrNone(double? value, Func<double, string> format) => value is { } v ? format(v) : None;
}
