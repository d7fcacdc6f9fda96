namespace Observability.Internal;

/// <summary>Evaluates a <see cref="BurnRatePolicy"/> against an <see cref="SloSeries"/>.</summary>
internal static class BurnRateRules
{
    /// <summary>
    /// A burn rate at the threshold fires: the comparison is "at or above", with a relative tolerance
    /// of 1e-9 so that 0.0144 / 0.001 (14.399999999999999 in binary) counts as 14.4.
    /// </summary>
    public const double RelativeTolerance = 1e-9;

    public static BurnRateAlert[] Evaluate(SloDefinition slo, SloSeries series, BurnRatePolicy policy)
    {
        var alerts = new BurnRateAlert[policy.Rules.Count];
        for (var i = 0; i < alerts.Length; i++)
        {
            alerts[i] = Evaluate(slo, series, policy.Rules[i], policy.MinimumEvents);
        }

        return alerts;
    }

    public static bool AtOrAbove(double value, double threshold) => value >= threshold - (Math.Abs(threshold) * RelativeTolerance);

    private static BurnRateAlert Evaluate(SloDefinition slo, SloSeries series, BurnRateRule rule, double minimumEvents)
    {
        var threshold = rule.ThresholdFor(slo.Period);
        var windows = $"{SloText.Duration(rule.LongWindow)}/{SloText.Duration(rule.ShortWindow)}";
        var alert = new BurnRateAlert
        {
            Slo = slo.Name,
            Rule = rule.Name,
            Severity = rule.Severity,
            Status = BurnRateAlertStatus.NotApplicable,
            BudgetShare = rule.BudgetShare,
            LongWindow = rule.LongWindow,
            ShortWindow = rule.ShortWindow,
            Threshold = threshold,
            MinimumEvents = minimumEvents,
            Reason = $"{slo.Name} {rule.Name}: not evaluated, the {SloText.Duration(rule.LongWindow)} long window is longer than the {SloText.Span(slo.Period)} SLO period.",
        };
        if (rule.LongWindow > slo.Period)
        {
            return alert;
        }

        var longTotals = series.Window(rule.LongWindow);
        var shortTotals = series.Window(rule.ShortWindow);
        var longBurn = longTotals.BurnRate(slo.ErrorBudgetRatio);
        var shortBurn = shortTotals.BurnRate(slo.ErrorBudgetRatio);
        alert = alert with { LongBurnRate = longBurn, ShortBurnRate = shortBurn, LongWindowTraffic = longTotals.Traffic };
        var measured = $"burn rate {SloText.Burn(longBurn)} over {SloText.Duration(rule.LongWindow)} and {SloText.Burn(shortBurn)} over {SloText.Duration(rule.ShortWindow)} against {SloText.Burn(threshold)} ({SloText.Percent(rule.BudgetShare)} of the budget for {SloText.Span(slo.Period)})";

        if (longBurn is not { } longRate)
        {
            return alert with { Status = BurnRateAlertStatus.NoData, Reason = $"{slo.Name} {rule.Name}: no events in the last {SloText.Duration(rule.LongWindow)}, nothing to judge." };
        }

        if (!AtOrAbove(longRate, threshold) || shortBurn is not { } shortRate || !AtOrAbove(shortRate, threshold))
        {
            var why = !AtOrAbove(longRate, threshold) ? "the long window is below the threshold"
                : shortBurn is null ? "the short window holds no events"
                : "the short window has recovered";
            return alert with { Status = BurnRateAlertStatus.Ok, Reason = $"{slo.Name} {rule.Name}: ok, {measured}; {why}." };
        }

        var traffic = $"{SloText.Number(longTotals.Traffic, "0.#")} events in {SloText.Duration(rule.LongWindow)}";
        return longTotals.Traffic < minimumEvents
            ? alert with { Status = BurnRateAlertStatus.Suppressed, Reason = $"{slo.Name} {rule.Name}: suppressed by the traffic guard, {measured}, but only {traffic} (minimum {SloText.Number(minimumEvents, "0.#")})." }
            : alert with { Status = BurnRateAlertStatus.Firing, Reason = $"{slo.Name} {rule.Name} ({rule.Severity}, {windows}): {measured}; {traffic}." };
    }
}
