using System.Net;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// The dashboard page: the verdict and its reasons first, then the charts (availability, error rate,
/// latency, error budget, health score) with anomalies, change points and data gaps marked, then the
/// daily table. Self-contained: inline CSS and SVG only, no script, font, image or external link.
/// </summary>
internal static partial class DashboardHtml
{
    private const string Style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1000px;padding:16px;color:#1b1f24;background:#fff}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}
        .verdict{padding:12px 16px;border-radius:6px;border:2px solid}.proceed{border-color:#1a7f37;background:#dafbe1}.hold{border-color:#9a6700;background:#fff8c5}
        .rollback{border-color:#cf222e;background:#ffebe9}.no_data{border-color:#57606a;background:#f6f8fa}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:right}th:first-child,td:first-child{text-align:left}
        figure{margin:12px 0}figcaption{font-size:12px;color:#57606a}svg{width:100%;height:auto;font-size:11px}
        .grid{stroke:#eaeef2}.axis{stroke:#57606a}.tick{fill:#57606a}.alabel{fill:#1b1f24;font-size:12px}.ctitle{font-size:14px;font-weight:600;fill:#1b1f24}
        .ref line{stroke-dasharray:6 4;stroke-width:1.4}.ref text,.legend{font-size:11px}.gap{fill:#8c959f;fill-opacity:.25}
        .marker line{stroke:#8250df;stroke-dasharray:2 3}.marker text{fill:#8250df;font-size:10px}.marker.change_point line{stroke:#bc4c00}.marker.change_point text{fill:#bc4c00}
        @media print{body{max-width:none}figure{break-inside:avoid}}
        """;

    public static StringBuilder Render(HealthReport report, WeeklySummary? week, ThresholdOptions t)
    {
        var html = Open($"Health dashboard: {report.Service}");
        html.Append("<h1>Health dashboard: ").Append(E(report.Service)).Append(report.Environment is { } env ? $" ({E(env)})" : string.Empty).Append("</h1>\n")
            .Append("<p>Window ").Append(E(Figures.Time(report.Window.Start))).Append(" → ").Append(E(Figures.Time(report.Window.End)))
            .Append(", verdict on ").Append(E(Figures.Time(report.EvaluationWindow.Start))).Append(" → ").Append(E(Figures.Time(report.EvaluationWindow.End))).Append(".</p>\n");
        AppendVerdict(html, report);
        html.Append("<h2>Charts</h2>\n");
        foreach (var chart in DashboardCharts.For(report, t))
        {
            chart.Render(html);
        }

        AppendSlos(html, report.Slos);
        if (week is not null)
        {
            AppendWeek(html, week);
        }

        return Close(html, report.GeneratedAt);
    }

    public static StringBuilder RenderWeek(WeeklySummary week)
    {
        var title = $"Weekly summary: {week.ServiceName ?? "service"}";
        var html = Open(title);
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        AppendWeek(html, week);
        return Close(html, null);
    }

    private static StringBuilder Open(string title)
        => new StringBuilder(64 * 1024).Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>")
            .Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");

    private static StringBuilder Close(StringBuilder html, DateTimeOffset? generatedAt)
    {
        if (generatedAt is { } at)
        {
            html.Append("<footer><p>Generated ").Append(E(Figures.Time(at))).Append(" by Observability.</p></footer>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n");
    }

    private static void AppendVerdict(StringBuilder html, HealthReport report)
    {
        var v = report.Verdict;
        var name = v.Decision == Decision.NoData ? "No data" : v.Decision.ToString();
        html.Append("<section class=\"verdict ").Append(SnakeCase(v.Decision.ToString())).Append("\" id=\"verdict\" aria-label=\"Verdict\">\n<h2>Verdict: ").Append(E(name)).Append("</h2>\n<p>").Append(E(v.Summary)).Append("</p>\n")
            .Append("<p>Health <strong>").Append(E(Figures.Score(report.Health.Value))).Append("</strong> (").Append(E(report.Health.Status.ToString().ToLowerInvariant()))
            .Append("), stability <strong>").Append(E(Figures.Score(report.Stability.Value))).Append("</strong> (grade ").Append(E(report.Stability.Grade)).Append(").</p>\n<ul class=\"reasons\">\n");
        if (v.Reasons.Count == 0)
        {
            html.Append("<li>No rule fired.</li>\n");
        }

        foreach (var reason in v.Reasons)
        {
            html.Append("<li><strong>").Append(E(reason.Severity.ToString())).Append("</strong> <code>").Append(E(reason.Rule)).Append("</code>: ").Append(E(reason.Message)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendSlos(StringBuilder html, IReadOnlyList<SloStatus> slos)
    {
        if (slos.Count == 0)
        {
            return;
        }

        html.Append("<h2>Service level objectives</h2>\n<table id=\"slos\">\n<thead><tr><th>SLO</th><th>Objective</th><th>Compliance</th><th>Budget left</th><th>Burn rate</th><th>Budget exhausted</th></tr></thead>\n<tbody>\n");
        foreach (var s in slos)
        {
            html.Append("<tr><td>").Append(E(s.Name)).Append("</td><td>").Append(E(Figures.Percent(s.Objective))).Append("</td><td>").Append(s.Compliance is { } c ? E(Figures.Percent(c)) : "—")
                .Append("</td><td>").Append(E(Figures.Percent(s.BudgetRemaining))).Append("</td><td>").Append(s.BurnRate is { } b ? E(Figures.BurnRate(b)) : "—")
                .Append("</td><td>").Append(s.ProjectedExhaustion is { } x ? E(Figures.Time(x)) : "not projected").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string SnakeCase(string name) => name == nameof(Decision.NoData) ? "no_data" : name.ToLowerInvariant();
}
