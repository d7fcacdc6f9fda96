using System.Text;
using static Observability.Internal.SummaryUnits;

namespace Observability.Internal;

/// <content>Trends, the daily breakdown, recommendations and action items.</content>
internal static partial class WeeklySummaryMarkdown
{
    private static void AppendTrends(StringBuilder md, HalfComparison halves)
    {
        var availability = SummaryTrends.Availability(halves);
        var latency = SummaryTrends.Latency(halves);
        md.Append("## Trends\n\n");
        md.Append("- **Availability:** ").Append(Trend(availability.Assessment)).Append('\n');
        md.Append("  - ").Append(MarkdownText.Text(availability.Reason)).Append('\n');
        md.Append("- **Latency:** ").Append(Trend(latency.Assessment)).Append('\n');
        md.Append("  - ").Append(MarkdownText.Text(latency.Reason)).Append('\n');
        md.Append("- **Resources:** ").Append(Trend(SummaryTrends.Resource(halves))).Append('\n');
        foreach (var resource in SummaryTrends.Resources(halves))
        {
            md.Append("  - ").Append(MarkdownText.Text(resource.Reason)).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendDays(StringBuilder md, IReadOnlyList<DailySummary> days)
    {
        md.Append("## Daily Breakdown\n\n")
          .Append("| Day | Availability | Error Rate | P99 Latency | Drift | SLO Compliance | Degraded |\n")
          .Append("|-----|--------------|------------|-------------|-------|----------------|----------|\n");
        foreach (var day in days)
        {
            md.Append("| Day ").Append(Integer(day.DayNumber))
              .Append(" | ").Append(PercentText(Percent(day.Availability.Average)))
              .Append(" | ").Append(PercentText(Percent(day.Errors.AverageRate)))
              .Append(" | ").Append(MillisecondsText(Milliseconds(day.Latency.P99Average)))
              .Append(" | ").Append(PercentText(PercentValue(day.Drift.AveragePercent)))
              .Append(" | ").Append(PercentText(Percent(day.Availability.SloCompliance)))
              .Append(" | ").Append(!day.HasData ? Unknown : day.IsDegraded ? "Yes" : "No").Append(" |\n");
        }

        md.Append('\n');
    }

    private static void AppendRecommendations(StringBuilder md, IReadOnlyList<string> items)
    {
        md.Append("## Recommendations\n\n");
        if (items.Count == 0)
        {
            md.Append("_None._\n\n");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            md.Append(Integer(i + 1)).Append(". ").Append(MarkdownText.Text(items[i])).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendActionItems(StringBuilder md, IReadOnlyList<string> items)
    {
        md.Append("## Action Items\n\n");
        if (items.Count == 0)
        {
            md.Append("_None._\n");
            return;
        }

        foreach (var item in items)
        {
            md.Append("- [ ] ").Append(MarkdownText.Text(item)).Append('\n');
        }
    }
}
