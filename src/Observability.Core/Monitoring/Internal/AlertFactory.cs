namespace Observability.Internal;

/// <summary>Turns a pass's findings of warning severity or above into alerts.</summary>
internal static class AlertFactory
{
    public static Alert[] FromFindings(IReadOnlyList<Finding> findings, ObservabilityOptions options, string traceId, DateTimeOffset now, CollectionWindow evaluationWindow)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [AlertLabels.Service] = options.ServiceName };
        if (!string.IsNullOrWhiteSpace(options.Environment))
        {
            labels[AlertLabels.Environment] = options.Environment;
        }

        // A classified regression is the most likely cause of what the release degraded (error rate, health, SLOs).
        var regression = findings.FirstOrDefault(static f => FindingRules.Category(f.Rule) == RuleCatalogue.Categories.Regression);
        return findings
            .Where(static f => f.Severity >= AlertSeverity.Warning && RuleCatalogue.Get(f.Rule).Alerts)
            .Select(f => new Alert
            {
                Rule = f.Rule,
                Severity = f.Severity,
                Title = FindingRules.Title(f.Rule, options.ServiceName),
                Message = f.Message,
                RootCause = regression is not null && FindingRules.Category(f.Rule) is RuleCatalogue.Categories.ErrorRate or RuleCatalogue.Categories.Health or RuleCatalogue.Categories.Slo ? regression.Message : null,
                TraceId = traceId,
                Timestamp = now,
                Source = "observability.monitor",
                Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal) { [AlertLabels.Category] = FindingRules.Category(f.Rule) },
                Context = Context(f, evaluationWindow),
            })
            .ToArray();
    }

    private static Dictionary<string, object?> Context(Finding finding, CollectionWindow evaluationWindow)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["evaluation_window_start"] = evaluationWindow.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["evaluation_window_end"] = evaluationWindow.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (finding.Metric is not null)
        {
            context["metric"] = finding.Metric;
        }

        var unit = RuleCatalogue.Get(finding.Rule).Unit;
        if (unit != ValueUnit.None && (finding.Observed is not null || finding.Threshold is not null))
        {
            context["unit"] = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(unit.ToString());
        }

        if (finding.Observed is { } observed)
        {
            context["observed"] = observed;
        }

        if (finding.Threshold is { } threshold)
        {
            context["threshold"] = threshold;
        }

        return context;
    }
}
