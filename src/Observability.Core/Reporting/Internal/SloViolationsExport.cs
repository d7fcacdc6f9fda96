using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// The rows of the SLO violations export (<c>slo_violations.json</c> and <c>slo_violations.md</c>): every
/// <see cref="SloStatus.Violations"/> entry of a report with its SLO, oldest first, and the two renderings.
/// </summary>
internal static class SloViolationsExport
{
    /// <summary>The version of the JSON shape.</summary>
    public const int SchemaVersion = 1;

    public static IEnumerable<(SloStatus Slo, SloBreach Violation)> Rows(HealthReport report)
        => report.Slos.SelectMany(static s => s.Violations.Select(v => (Slo: s, Violation: v)))
            .OrderBy(static r => r.Violation.Start).ThenBy(static r => r.Slo.Name, StringComparer.Ordinal);

    /// <summary>The unit of an SLO's observed value and threshold: <c>ms</c> for latency, else <c>ratio</c>; <see langword="null"/> when the kind is unknown.</summary>
    public static string? Unit(SloStatus slo) => slo.Kind switch
    {
        "latency_percentile" => "ms",
        "availability" or "error_rate" => "ratio",
        _ => null,
    };

    public static double DurationMinutes(SloBreach v) => (v.End - v.Start).TotalMinutes;

    public static void WriteJson(HealthReport report, Stream destination)
    {
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var rows = Rows(report).ToArray();
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        json.WriteString("service", report.Service);
        if (report.Environment is { } environment)
        {
            json.WriteString("environment", environment);
        }

        json.WriteString("generated_at", report.GeneratedAt);
        json.WriteNumber("violation_count", report.Slos.Sum(static s => Math.Max(s.ViolationCount, s.Violations.Count)));
        json.WriteNumber("listed", rows.Length);
        json.WriteStartArray("violations");
        foreach (var (slo, v) in rows)
        {
            json.WriteStartObject();
            json.WriteString("slo", slo.Name);
            WriteOptional(json, "kind", slo.Kind);
            json.WriteString("severity", Severity(v.Severity));
            json.WriteString("start", v.Start);
            json.WriteString("end", v.End);
            WriteNumber(json, "duration_minutes", DurationMinutes(v));
            json.WriteNumber("snapshots", v.Snapshots);
            WriteNumber(json, "observed", v.Observed);
            WriteNumber(json, "threshold", v.Threshold);
            WriteOptional(json, "unit", Unit(slo));
            WriteNumber(json, "objective", slo.Objective);
            json.WriteString("message", v.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    public static StringBuilder RenderMarkdown(HealthReport report)
    {
        var rows = Rows(report).ToArray();
        var total = report.Slos.Sum(static s => Math.Max(s.ViolationCount, s.Violations.Count));
        var md = new StringBuilder(512 + (160 * rows.Length));
        md.Append("# SLO violations: ").Append(MarkdownText.Text(report.Service)).Append("\n\n");
        md.Append("Window ").Append(Figures.Time(report.Window.Start)).Append(" to ").Append(Figures.Time(report.Window.End))
          .Append(" · generated ").Append(Figures.Time(report.GeneratedAt)).Append("\n\n");
        if (rows.Length == 0)
        {
            md.Append(report.Slos.Count == 0
                ? "No violations: the pass evaluated no SLO.\n"
                : $"No violations: every SLO ({string.Join(", ", report.Slos.Select(static s => MarkdownText.Code(s.Name)))}) stayed within its per-snapshot limit.\n");
            return md;
        }

        md.Append(Figures.Plural(total, "violation"));
        if (total > rows.Length)
        {
            md.Append(", the most recent ").Append(rows.Length.ToString(CultureInfo.InvariantCulture)).Append(" listed");
        }

        md.Append(", oldest first.\n\n");
        md.Append("| SLO | Kind | Severity | Start | End | Duration | Snapshots | Observed (worst) | Threshold | Objective |\n")
          .Append("|---|---|---|---|---|---|---:|---:|---:|---:|\n");
        foreach (var (slo, v) in rows)
        {
            md.Append("| ").Append(MarkdownText.Code(slo.Name))
              .Append(" | ").Append(MarkdownText.Code(slo.Kind))
              .Append(" | ").Append(Severity(v.Severity))
              .Append(" | ").Append(Figures.Time(v.Start))
              .Append(" | ").Append(Figures.Time(v.End))
              .Append(" | ").Append(Figures.Duration(v.End - v.Start))
              .Append(" | ").Append(v.Snapshots.ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(Value(slo, v.Observed))
              .Append(" | ").Append(Value(slo, v.Threshold))
              .Append(" | ").Append(Figures.Percent(slo.Objective))
              .Append(" |\n");
        }

        return md;
    }

    /// <summary>A value in the SLO's unit, as in prose: <c>99.5 %</c>, <c>480 ms</c>.</summary>
    public static string Value(SloStatus slo, double value)
        => !double.IsFinite(value) ? MarkdownText.Number(value)
            : Unit(slo) switch
            {
                "ms" => Figures.Milliseconds(value),
                "ratio" => Figures.Percent(value),
                _ => Figures.Number(value, "0.###"),
            };

    public static string Severity(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
