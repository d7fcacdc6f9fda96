using System.Text;

namespace Observability.Internal;

/// <summary>The week: its headline figures, recommendation and the daily table (the same numbers as <c>weekly_summary.json</c>).</summary>
internal static partial class DashboardHtml
{
    private static void AppendWeek(StringBuilder html, WeeklySummary week)
    {
        html.Append("<section id=\"week\" aria-label=\"Week\">\n<h2>The week: ").Append(E(week.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(" to ").Append(E(week.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).Append("</h2>\n<ul>\n")
            .Append("<li>Availability ").Append(P(week.AverageAvailability)).Append(", SLO compliance ").Append(P(week.AvailabilitySloCompliance)).Append("</li>\n")
            .Append("<li>Error rate ").Append(P(week.AverageErrorRate)).Append("</li>\n")
            .Append("<li>Latency p95 ").Append(Ms(week.AverageLatencyP95)).Append(", p99 ").Append(Ms(week.AverageLatencyP99)).Append(", SLO compliance ").Append(P(week.LatencySloCompliance)).Append("</li>\n")
            .Append("<li>Stability <strong>").Append(E(Figures.Score(week.Stability.Value))).Append("</strong> (grade ").Append(E(week.Stability.Grade)).Append(")</li>\n")
            .Append("<li>Days with data ").Append(week.DaysWithData).Append(" of ").Append(week.Days).Append("</li>\n</ul>\n");
        if (week.Recommendations.Count > 0)
        {
            html.Append("<h3>Recommendations</h3>\n<ul>\n");
            foreach (var r in week.Recommendations)
            {
                html.Append("<li>").Append(E(r)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h3>Daily table</h3>\n<table id=\"daily\">\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Availability</th><th scope=\"col\">SLO compliance</th><th scope=\"col\">Error rate</th>")
            .Append("<th scope=\"col\">p95</th><th scope=\"col\">p99</th><th scope=\"col\">Alerts</th><th scope=\"col\">Stability</th><th scope=\"col\">Data</th><th scope=\"col\">Flags</th></tr></thead>\n<tbody>\n");
        foreach (var d in week.DailySummaries)
        {
            var alerts = d.Alerts.Warning + d.Alerts.Error + d.Alerts.Critical;
            html.Append("<tr><td>Day ").Append(d.DayNumber).Append(' ').Append(E(d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(P(d.Availability.Average)).Append("</td><td>").Append(P(d.Availability.SloCompliance))
                .Append("</td><td>").Append(P(d.Errors.AverageRate)).Append("</td><td>").Append(Ms(d.Latency.P95Average)).Append("</td><td>").Append(Ms(d.Latency.P99Average))
                .Append("</td><td>").Append(alerts).Append("</td><td>").Append(E(Figures.Score(d.Stability.Value))).Append(' ').Append(E(d.Stability.Grade))
                .Append("</td><td>").Append(E(Figures.PercentValue(d.Completeness.Percent))).Append("</td><td>").Append(E(string.Join(", ", d.Flags.Select(static f => f.Rule)))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string P(double? ratio) => ratio is { } r ? E(Figures.Percent(r)) : "—";

    private static string Ms(double? ms) => ms is { } m ? E(Figures.Milliseconds(m)) : "—";
}
