using System.Text;

namespace Observability.Internal;

/// <summary>Writes the human-readable summary of an <see cref="SloEvaluation"/>.</summary>
internal static class SloReason
{
    public static string Describe(SloEvaluation e, SloSeries series)
    {
        var slo = e.Slo;
        var unit = slo.Kind == SloKind.LatencyPercentile ? "snapshots" : "events";
        var text = new StringBuilder(slo.Name).Append(": ");
        if (e.Compliance is not { } compliance)
        {
            text.Append($"no {unit} in the {SloText.Span(slo.Period)} ending {SloText.Time(series.AsOf)}, nothing to judge; the error budget is untouched.");
            AppendSkipped(text, e);
            return text.ToString();
        }

        text.Append($"{SloText.Percent(compliance)} good against the {SloText.Percent(slo.Objective)} objective ({(e.IsMet == true ? "met" : "missed")}) over {e.Snapshots} snapshots");
        var covered = series.AsOf - series.Samples[0].Time;
        if (covered < slo.Period * 0.9)
        {
            text.Append($" covering {SloText.Span(covered)} of the {SloText.Span(slo.Period)} period");
        }

        var budget = e.Budget;
        var spent = $"{SloText.Number(budget.Consumed)} of {SloText.Number(budget.Allowed)} bad {unit} allowed";
        text.Append(budget.RemainingFraction >= 0
            ? $"; {SloText.Percent(budget.RemainingFraction)} of the error budget remains ({spent})"
            : $"; the error budget is overspent by {SloText.Percent(-budget.RemainingFraction)} ({spent})");
        if (e.ExhaustedAt is { } exhausted)
        {
            text.Append($", exhausted since {SloText.Time(exhausted)}");
        }

        text.Append($". Burn rate {SloText.Burn(e.CurrentBurnRate)} over the last {SloText.Duration(e.CurrentBurnRateWindow)}");
        text.Append(e.ProjectedExhaustion is { } projected
            ? $", budget exhausted in {SloText.Span(projected - series.AsOf)} (at {SloText.Time(projected)}) at that rate."
            : e.ExhaustedAt is null ? ", not burning toward exhaustion." : ".");

        if (e.ViolationCount > 0)
        {
            text.Append($" {e.ViolationCount} violation(s).");
        }

        foreach (var alert in e.FiringAlerts)
        {
            text.Append(" Firing: ").Append(alert.Reason);
        }

        foreach (var alert in e.BurnRateAlerts.Where(static a => a.Status == BurnRateAlertStatus.Suppressed))
        {
            text.Append(' ').Append(alert.Reason);
        }

        AppendSkipped(text, e);
        return text.ToString();
    }

    private static void AppendSkipped(StringBuilder text, SloEvaluation e)
    {
        if (e.SkippedSnapshots > 0)
        {
            var needs = e.Slo.Kind == SloKind.LatencyPercentile ? e.Slo.Metric : $"{e.Slo.Metric} and a volume (job_count or request_count)";
            text.Append($" {e.SkippedSnapshots} snapshot(s) skipped: unusable, or {needs} missing or invalid.");
        }

        if (e.OutsidePeriodSnapshots > 0)
        {
            text.Append($" {e.OutsidePeriodSnapshots} snapshot(s) outside the period ignored.");
        }
    }
}
