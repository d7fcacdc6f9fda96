namespace Observability.Internal;

/// <summary>
/// The dashboard's charts from the report alone: the timeline (each snapshot as the engine judged it), the SLO
/// statuses with their burn-down, the anomaly and change-point findings (<see cref="Finding.At"/>) and the data gaps.
/// </summary>
internal static class DashboardCharts
{
    public static IReadOnlyList<SvgChart> For(HealthReport report, ThresholdOptions t)
    {
        var timeline = report.Timeline;
        var start = report.Window.Start;
        var end = report.Window.End;
        var gaps = report.DataQuality.Gaps.Select(static g => (g.Start, g.End)).ToArray();
        var availabilitySlo = report.Slos.FirstOrDefault(static s => s.Name == "availability");
        var latencySlo = report.Slos.FirstOrDefault(static s => s.Name == "latency_p99");
        var availabilityTarget = availabilitySlo?.Objective ?? t.AvailabilityTarget;
        var latencyTarget = t.LatencyP99Target.TotalMilliseconds;

        ChartSeries Line(string name, string color, Func<SnapshotJudgement, double?> value)
            => new(name, color, ChartPoints.Of(timeline, static s => s.Timestamp, value, start, end), timeline.Count > 2 * ChartPoints.Slices);

        ChartMarker[] Marks(string metric) => [.. report.Findings
            .Where(f => f.At is not null && f.Metric == metric && (f.Rule.StartsWith("anomaly_", StringComparison.Ordinal) || f.Rule.StartsWith("change_point_", StringComparison.Ordinal)))
            .Select(static f => new ChartMarker(f.Rule.StartsWith("anomaly_", StringComparison.Ordinal) ? "anomaly" : "change point", f.At!.Value, f.Rule.StartsWith("anomaly_", StringComparison.Ordinal) ? "anomaly" : "change_point"))];

        string Range(Func<SnapshotJudgement, double?> value, Func<double, string> format)
        {
            var (count, lowest, highest, last) = (0, double.PositiveInfinity, double.NegativeInfinity, 0d);
            foreach (var snapshot in timeline)
            {
                if (value(snapshot) is { } v)
                {
                    (count, lowest, highest, last) = (count + 1, Math.Min(lowest, v), Math.Max(highest, v), v);
                }
            }

            return count == 0 ? "No values." : $"{Figures.Plural(count, "snapshot")} from {Figures.Time(start)} to {Figures.Time(end)}: lowest {format(lowest)}, highest {format(highest)}, last {format(last)}.";
        }

        string GapText() => gaps.Length == 0 ? " No data gaps." : $" {Figures.Plural(gaps.Length, "data gap")} shaded.";

        var burnDown = report.Slos.Where(static s => s.BurnDown.Count > 0).ToArray();
        var budgetText = burnDown.Length == 0
            ? "No SLO had data to burn its budget."
            : string.Join(" ", burnDown.Select(static s => $"{s.Name}: {Figures.Percent(s.BudgetRemaining)} of the budget left" + (s.ProjectedExhaustion is { } x ? $", projected to run out at {Figures.Time(x)}." : ", not projected to run out.")));

        return
        [
            new SvgChart
            {
                Id = "chart-availability", Title = "Availability (%) with its SLO", YLabel = "Availability (%)", Format = Figures.Percent, Start = start, End = end, MaxY = 1,
                Description = $"Availability per snapshot against the SLO of {Figures.Percent(availabilityTarget)}. {Range(static s => s.Availability, Figures.Percent)}{GapText()}",
                Series = [Line("availability", "#0969da", static s => s.Availability)],
                Lines = [new ChartLine($"SLO {Figures.Percent(availabilityTarget)}", availabilityTarget, "#cf222e")], Gaps = gaps,
            },
            new SvgChart
            {
                Id = "chart-error-rate", Title = "Error rate (%) with its thresholds", YLabel = "Error rate (%)", Format = Figures.Percent, Start = start, End = end, MinY = 0,
                Description = $"Error rate per snapshot against the warning threshold {Figures.Percent(t.ErrorRateWarning)} and the critical threshold {Figures.Percent(t.ErrorRateCritical)}. {Range(static s => s.ErrorRate, Figures.Percent)}{GapText()}",
                Series = [Line("error rate", "#cf222e", static s => s.ErrorRate)],
                Lines = [new ChartLine($"warning {Figures.Percent(t.ErrorRateWarning)}", t.ErrorRateWarning, "#9a6700"), new ChartLine($"critical {Figures.Percent(t.ErrorRateCritical)}", t.ErrorRateCritical, "#cf222e")],
                Markers = Marks(WellKnownMetrics.ErrorRate), Gaps = gaps,
            },
            new SvgChart
            {
                Id = "chart-latency", Title = "Latency p95 and p99 (ms) with the latency SLO", YLabel = "Latency (ms)", Format = Figures.Milliseconds, Start = start, End = end, MinY = 0,
                Description = $"p95 and p99 latency per snapshot against the p99 SLO of {Figures.Milliseconds(latencyTarget)}. p99: {Range(static s => s.LatencyP99, Figures.Milliseconds)} p95: {Range(static s => s.LatencyP95, Figures.Milliseconds)}{GapText()}",
                Series = [Line("p95", "#1a7f37", static s => s.LatencyP95), Line("p99", "#8250df", static s => s.LatencyP99)],
                Lines = [new ChartLine($"SLO {Figures.Milliseconds(latencyTarget)}", latencyTarget, "#cf222e")],
                Markers = Marks(WellKnownMetrics.LatencyP95), Gaps = gaps,
            },
            new SvgChart
            {
                Id = "chart-budget", Title = "Error budget left (%) per SLO", YLabel = "Budget left (%)", Format = Figures.Percent, Start = start, End = end, MaxY = 1,
                Description = "The SLO evaluation's burn-down over the window. " + budgetText,
                Series = [.. burnDown.Select((s, i) => new ChartSeries(s.Name, i == 0 ? "#0969da" : "#8250df", ChartPoints.Of(s.BurnDown, static p => p.Timestamp, static p => p.RemainingFraction, start, end), s.BurnDown.Count > 2 * ChartPoints.Slices))],
                Lines = [new ChartLine("exhausted", 0, "#cf222e")],
            },
            new SvgChart
            {
                Id = "chart-health", Title = "Health score per snapshot (points)", YLabel = "Health (points)", Format = Figures.Score, Start = start, End = end, MinY = 0, MaxY = 100,
                Description = $"Each snapshot's own health score, as the engine scored it, against the warning level {Figures.Score(t.HealthWarning)} and the critical level {Figures.Score(t.HealthCritical)}. {Range(static s => s.Health, Figures.Score)}{GapText()}",
                Series = [Line("health", "#1a7f37", static s => s.Health)],
                Lines = [new ChartLine($"warning {Figures.Score(t.HealthWarning)}", t.HealthWarning, "#9a6700"), new ChartLine($"critical {Figures.Score(t.HealthCritical)}", t.HealthCritical, "#cf222e")],
                Gaps = gaps,
            },
        ];
    }
}
