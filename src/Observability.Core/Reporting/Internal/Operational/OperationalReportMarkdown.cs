using System.Globalization;
using System.Text;
using static Observability.Internal.MarkdownText;

namespace Observability.Internal;

/// <summary><c>operational_report.md</c>: the operational report's sections as Markdown, numbers by <see cref="Figures"/> as on the dashboard and in the PDF.</summary>
internal static class OperationalReportMarkdown
{
    public static StringBuilder Render(OperationalReport o)
    {
        var r = o.Report;
        var md = new StringBuilder(8 * 1024);
        md.Append("# Operational report: ").Append(Text(r.Service)).Append(r.Environment is { } env ? $" ({Text(env)})" : string.Empty).Append("\n\n")
          .Append("Window ").Append(Figures.Time(r.Window.Start)).Append(" to ").Append(Figures.Time(r.Window.End))
          .Append("; verdict on ").Append(Figures.Time(r.EvaluationWindow.Start)).Append(" to ").Append(Figures.Time(r.EvaluationWindow.End)).Append(".\n\n");

        foreach (var (heading, rows) in OperationalText.Sections(o))
        {
            md.Append("## ").Append(heading).Append("\n\n");
            foreach (var block in rows)
            {
                switch (block)
                {
                    case OperationalText.Paragraph p:
                        md.Append(Text(p.Text)).Append("\n\n");
                        break;
                    case OperationalText.List l:
                        foreach (var item in l.Items)
                        {
                            md.Append("- ").Append(Text(item)).Append('\n');
                        }

                        md.Append('\n');
                        break;
                    case OperationalText.Table t:
                        if (t.Title is { } title)
                        {
                            md.Append("### ").Append(Text(title)).Append("\n\n");
                        }

                        md.Append("| ").AppendJoin(" | ", t.Headers.Select(Cell)).Append(" |\n|")
                          .AppendJoin("|", t.Headers.Select((_, i) => i == 0 || t.LeftAligned ? "---" : "---:")).Append("|\n");
                        foreach (var row in t.Rows)
                        {
                            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                        }

                        md.Append('\n');
                        break;
                }
            }
        }

        md.Append("_Generated ").Append(Figures.Time(r.GeneratedAt)).Append(" by Observability; every figure is the health report's own (`health-report.json`)._\n");
        return md;
    }

    /// <summary>A day as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
