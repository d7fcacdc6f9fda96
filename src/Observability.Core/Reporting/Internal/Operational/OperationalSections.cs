namespace Observability.Internal;

/// <summary>The sections of the <see cref="OperationalReport"/>, each grouping the report's own facts.</summary>
internal static class OperationalSections
{
    /// <summary>The metric of the CI log collector that counts error lines per category (<c>ci_error_lines@timeout</c>).</summary>
    public const string CiErrorLines = "ci_error_lines";

    /// <summary>The metric name a p50 latency is collected under (the Prometheus collector's).</summary>
    public const string LatencyP50 = "latency_p50_ms";

    // Upper edges of the latency histogram's bands, in milliseconds; the last band is open.
    private static readonly double[] BandEdges = [50, 100, 200, 300, 500, 1000, 2000];

    private static readonly string[] RegionalMetrics = [WellKnownMetrics.LatencyP95, WellKnownMetrics.LatencyP99, WellKnownMetrics.ErrorRate, WellKnownMetrics.Availability];

    public static IReadOnlyList<LatencyPercentile> Latency(IReadOnlyDictionary<string, MetricSummary> metrics)
        => [.. new[] { ("p50", LatencyP50), ("p95", WellKnownMetrics.LatencyP95), ("p99", WellKnownMetrics.LatencyP99) }
            .Where(p => metrics.ContainsKey(p.Item2))
            .Select(p => new LatencyPercentile(p.Item1, metrics[p.Item2]))];

    /// <summary>How many judged snapshots had their p95 and p99 in each band; the bands above the highest value are left out.</summary>
    public static IReadOnlyList<LatencyBand> Histogram(IReadOnlyList<SnapshotJudgement> timeline)
    {
        var p95 = new int[BandEdges.Length + 1];
        var p99 = new int[BandEdges.Length + 1];
        var highest = -1;
        foreach (var t in timeline)
        {
            if (t.LatencyP95 is { } a && double.IsFinite(a))
            {
                highest = Math.Max(highest, Count(p95, a));
            }

            if (t.LatencyP99 is { } b && double.IsFinite(b))
            {
                highest = Math.Max(highest, Count(p99, b));
            }
        }

        var bands = new List<LatencyBand>(highest + 1);
        for (var i = 0; i <= highest; i++)
        {
            bands.Add(new LatencyBand(i == 0 ? 0 : BandEdges[i - 1], i < BandEdges.Length ? BandEdges[i] : null, p95[i], p99[i]));
        }

        return bands;
    }

    /// <summary>The rules that fired on snapshots, most frequent first (the timeline's per-snapshot judgement).</summary>
    public static IReadOnlyList<RuleOccurrence> TopErrors(IReadOnlyList<SnapshotJudgement> timeline)
    {
        var counts = new Dictionary<string, (int Count, DateTimeOffset First, DateTimeOffset Last)>(StringComparer.Ordinal);
        foreach (var t in timeline)
        {
            foreach (var rule in t.Rules)
            {
                counts[rule] = counts.TryGetValue(rule, out var c) ? (c.Count + 1, c.First, t.Timestamp) : (1, t.Timestamp, t.Timestamp);
            }
        }

        return [.. counts
            .Select(static p => new RuleOccurrence(p.Key, RuleCatalogue.Find(p.Key)?.Category ?? "other", RuleCatalogue.Find(p.Key)?.Flag, p.Value.Count, p.Value.First, p.Value.Last))
            .OrderByDescending(static r => r.Snapshots).ThenBy(static r => r.Rule, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The error taxonomy: the CI error lines per category over the window (<c>ci_error_lines@category</c>: mean per
    /// snapshot x snapshots carrying it), the snapshots on which a rule of each catalogue category fired, and the
    /// snapshots whose collection was classified other than usable.
    /// </summary>
    public static IReadOnlyList<TaxonomyRow> Taxonomy(HealthReport report)
    {
        var rows = new List<TaxonomyRow>();
        foreach (var m in report.Metrics)
        {
            if (WellKnownMetrics.TryParseRegional(m.Name, out var metric, out var category) && metric == CiErrorLines)
            {
                rows.Add(new TaxonomyRow(category, Math.Round(m.Mean * m.Count), "ci_error_lines"));
            }
        }

        rows.Sort(static (a, b) => b.Count.CompareTo(a.Count));
        var ruleCategories = new Dictionary<string, int>(StringComparer.Ordinal);
        var collection = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in report.Timeline)
        {
            foreach (var category in t.Rules.Select(static r => RuleCatalogue.Find(r)?.Category ?? "other").Distinct(StringComparer.Ordinal))
            {
                ruleCategories[category] = ruleCategories.GetValueOrDefault(category) + 1;
            }

            if (!t.Usable)
            {
                collection[t.Category] = collection.GetValueOrDefault(t.Category) + 1;
            }
        }

        rows.AddRange(ruleCategories.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal).Select(static p => new TaxonomyRow(p.Key, p.Value, "rules")));
        rows.AddRange(collection.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key, StringComparer.Ordinal).Select(static p => new TaxonomyRow(p.Key, p.Value, "collection")));
        return rows;
    }

    /// <summary>Every region that has regional metrics or a drift, with the pass's statistics of its series; the service as a whole (<c>all</c>) last.</summary>
    public static IReadOnlyList<RegionRow> Regions(HealthReport report)
    {
        var byRegion = new SortedDictionary<string, Dictionary<string, MetricSummary>>(StringComparer.Ordinal);
        foreach (var m in report.Metrics)
        {
            if (WellKnownMetrics.TryParseRegional(m.Name, out var metric, out var region) && RegionalMetrics.Contains(metric, StringComparer.Ordinal))
            {
                (byRegion.TryGetValue(region, out var d) ? d : byRegion[region] = new Dictionary<string, MetricSummary>(StringComparer.Ordinal))[metric] = m;
            }
        }

        foreach (var drift in report.RegionalDrift.Where(static d => d.Region != OperationalReport.RegionalAll))
        {
            byRegion.TryAdd(drift.Region, new Dictionary<string, MetricSummary>(StringComparer.Ordinal));
        }

        var rows = byRegion.Select(p => new RegionRow(
            p.Key,
            p.Value.GetValueOrDefault(WellKnownMetrics.LatencyP95),
            p.Value.GetValueOrDefault(WellKnownMetrics.LatencyP99),
            p.Value.GetValueOrDefault(WellKnownMetrics.ErrorRate),
            p.Value.GetValueOrDefault(WellKnownMetrics.Availability),
            report.RegionalDrift.FirstOrDefault(d => d.Region == p.Key))).ToList();
        if (report.RegionalDrift.FirstOrDefault(static d => d.Region == OperationalReport.RegionalAll) is { } whole)
        {
            rows.Add(new RegionRow(OperationalReport.RegionalAll, null, null, null, null, whole));
        }

        return rows;
    }

    /// <summary>
    /// An SLO's burn-down by UTC day: the budget left at the day's last point of <see cref="SloStatus.BurnDown"/>, the
    /// budget consumed that day (the drop from the day before; the window starts with the budget untouched), and the
    /// day's compliance from the week's daily summary when there is one.
    /// </summary>
    public static SloBurnDownTable BurnDown(HealthReport report, SloStatus slo, WeeklySummary? week)
    {
        var days = new List<BurnDownDay>();
        var previous = 1.0;
        foreach (var day in slo.BurnDown.GroupBy(static p => DateOnly.FromDateTime(p.Timestamp.UtcDateTime)))
        {
            var remaining = day.Last().RemainingFraction;
            var summary = week?.DailySummaries.FirstOrDefault(d => d.Day == day.Key);
            var compliance = slo.Kind switch
            {
                "availability" => summary?.Availability.SloCompliance,
                "latency_percentile" => summary?.Latency.SloCompliance,
                _ => null,
            };
            days.Add(new BurnDownDay(day.Key, compliance, previous - remaining, remaining));
            previous = remaining;
        }

        double? toExhaustion = slo.BudgetRemaining > 0 && slo.ProjectedExhaustion is { } at
            ? Math.Max(0, (at - report.EvaluationWindow.End).TotalDays)
            : slo.BudgetRemaining <= 0 ? 0 : null;
        return new SloBurnDownTable(slo, days, toExhaustion);
    }

    private static int Count(int[] bands, double value)
    {
        var i = 0;
        while (i < BandEdges.Length && value >= BandEdges[i])
        {
            i++;
        }

        bands[i]++;
        return i;
    }
}
