using System.Text;
using Observability.Internal;
using static Observability.Internal.MarkdownText;

namespace Observability;

/// <summary>
/// Writes a <see cref="HealthReport"/> as GitHub-flavoured Markdown for a person: the verdict with
/// its reasons, the scores, per-metric statistics, data quality, collections and alerts.
/// </summary>
/// <remarks>
/// Output is UTF-8 without a byte order mark, with <c>\n</c> line endings. Numbers use the
/// invariant culture whatever the current culture: ratios are shown as percentages, metrics
/// ending in <c>_ms</c> as milliseconds and counts as integers. Text that came from outside
/// (summaries, messages, titles, names) is escaped so it cannot break a table or add markup.
/// </remarks>
public sealed partial class MarkdownReporter : IReporter, IFileNamedReporter
{

    private readonly string? _fileName;

    /// <summary>Initializes a new instance of the <see cref="MarkdownReporter"/> class with default options (its file is the report's, <see cref="ReportingOptions.FileName"/>).</summary>
    public MarkdownReporter()
        : this(new MarkdownReporterOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MarkdownReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    public MarkdownReporter(MarkdownReporterOptions options)
        : this(options, MarkdownReporterOptions.DefaultName, null)
    {
    }

    internal MarkdownReporter(MarkdownReporterOptions options, string name, string? reportFileName)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Format, _fileName) = ReporterRegistration.Identity(MarkdownReporterOptions.DefaultName, name, options.FileName, reportFileName);
    }

    /// <inheritdoc />
    /// <remarks><c>markdown</c>, or <c>markdown:{name}</c> for a reporter registered with a name of its own.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "md";

    string? IFileNamedReporter.FileName => _fileName;

    /// <inheritdoc />
    public Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportOutput.WriteTextAsync(Render(report), destination, cancellationToken);
    }

    private static StringBuilder Render(HealthReport report)
    {
        var md = new StringBuilder(4096);
        AppendHeader(md, report);
        AppendVerdict(md, report);
        AppendScores(md, report);
        AppendSlos(md, report.Slos);
        AppendMetrics(md, report.Metrics);
        AppendDataQuality(md, report.DataQuality);
        AppendTimeline(md, report.Timeline);
        AppendCollections(md, report.Collections);
        AppendAlerts(md, report.Alerts);
        md.Append("---\n\n")
          .Append("Trace ").Append(Code(report.TraceId))
          .Append(" · generated ").Append(Time(report.GeneratedAt)).Append(" by Observability\n");
        return md;
    }

    private static void AppendHeader(StringBuilder md, HealthReport report)
    {
        md.Append("# Health report: ").Append(Text(report.Service));
        if (!string.IsNullOrWhiteSpace(report.Environment))
        {
            md.Append(" (").Append(Text(report.Environment)).Append(')');
        }

        md.Append("\n\n")
          .Append("- **Window:** ").Append(Window(report.Window)).Append('\n')
          .Append("- **Evaluated:** ").Append(Window(report.EvaluationWindow)).Append(", the newest part, which the verdict is based on\n\n");
    }

    private static void AppendVerdict(StringBuilder md, HealthReport report)
    {
        var verdict = report.Verdict;
        md.Append("## ").Append(Emoji(verdict.Decision)).Append(" Verdict: ").Append(Name(verdict.Decision)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(verdict.Summary))
        {
            md.Append("**").Append(Name(verdict.Decision)).Append("** — ").Append(Text(verdict.Summary)).Append("\n\n");
        }

        md.Append("### Why\n\n");
        AppendFindings(md, verdict.Reasons, "No rule fired.");

        var others = report.Findings.Where(f => !verdict.Reasons.Contains(f)).ToList();
        if (others.Count > 0)
        {
            md.Append("### Other findings\n\n");
            AppendFindings(md, others, string.Empty);
        }
    }

    private static void AppendFindings(StringBuilder md, IReadOnlyList<Finding> findings, string whenEmpty)
    {
        if (findings.Count == 0)
        {
            md.Append('_').Append(whenEmpty).Append("_\n\n");
            return;
        }

        foreach (var finding in findings)
        {
            md.Append("- **").Append(finding.Severity.ToString()).Append("** ")
              .Append(Code(finding.Rule)).Append(": ").Append(Text(finding.Message));
            // Each figure in its rule's own unit (a burn rate as 14.4x, never in the metric's unit).
            var unit = RuleCatalogue.Find(finding.Rule)?.Unit ?? ValueUnit.None;
            if (finding.Observed is { } observed && unit != ValueUnit.None)
            {
                md.Append(" (").Append(finding.Metric is { } metric ? Code(metric) + " " : string.Empty).Append(Figures.Value(unit, observed));
                if (finding.Threshold is { } threshold)
                {
                    md.Append(" vs threshold ").Append(Figures.Value(unit, threshold));
                }

                md.Append(')');
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private static string Window(CollectionWindow window)
        => $"{Time(window.Start)} → {Time(window.End)} ({Duration(window.Duration)})";

    private static string Emoji(Decision decision) => decision switch
    {
        Decision.Proceed => "✅",
        Decision.Hold => "⏸️",
        Decision.Rollback => "⏪",
        _ => "❔",
    };

    private static string Name(Decision decision) => decision switch
    {
        Decision.NoData => "No data",
        _ => decision.ToString(),
    };
}
