using Observability.Internal;

namespace Observability;

/// <summary>
/// Evaluates an <see cref="SloDefinition"/> against metric snapshots: compliance, error budget,
/// burn-down, current burn rate, projected exhaustion, violations and multi-window, multi-burn-rate
/// alerts. Stateless and thread-safe; time comes only from the data or the caller ("as of"), never the clock.
/// </summary>
/// <remarks>
/// <para>
/// One pass reads the snapshots of the period (as-of - period, as-of]; prefix sums then give every
/// trailing window (as-of - window, as-of] in O(log n), so 43,200 one-minute snapshots (30 days) cost one linear pass.
/// </para>
/// <para>
/// A burn rate is (bad / events in the window) / (1 - objective), over the events the window actually holds:
/// a window longer than the available history is judged on that history. A rule fires when both windows
/// burn at or above its threshold (within a relative 1e-9, so 14.4 computed as 14.399999999999975 counts)
/// and the long window carries at least <see cref="BurnRatePolicy.MinimumEvents"/> of traffic (requests or
/// jobs, for latency SLOs too); when only the guard stops it, the rule is <see cref="BurnRateAlertStatus.Suppressed"/>.
/// </para>
/// </remarks>
public sealed class SloEvaluator
{
    private readonly BurnRatePolicy _policy;
    private readonly int _maxBurnDownPoints;
    private readonly int _maxViolations;
    private readonly TimeSpan _currentWindow;

    /// <summary>Initializes a new instance of the <see cref="SloEvaluator"/> class with the default options (the workbook policy).</summary>
    public SloEvaluator()
        : this(new SloEvaluatorOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SloEvaluator"/> class.</summary>
    /// <param name="options">The options; their values are copied.</param>
    /// <exception cref="ArgumentException">An option is invalid; the message lists every problem.</exception>
    public SloEvaluator(SloEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Policy is null)
        {
            problems.Add("Policy is required (for example BurnRatePolicy.Workbook).");
        }

        if (options.MaxBurnDownPoints < 1)
        {
            problems.Add($"MaxBurnDownPoints must be at least 1 (was {options.MaxBurnDownPoints}).");
        }

        if (options.MaxViolations < 0)
        {
            problems.Add($"MaxViolations must not be negative (was {options.MaxViolations}).");
        }

        if (options.CurrentBurnRateWindow <= TimeSpan.Zero)
        {
            problems.Add($"CurrentBurnRateWindow must be positive (was {options.CurrentBurnRateWindow}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SLO evaluator options: " + string.Join(" ", problems), nameof(options));
        }

        _policy = options.Policy!;
        _maxBurnDownPoints = options.MaxBurnDownPoints;
        _maxViolations = options.MaxViolations;
        _currentWindow = options.CurrentBurnRateWindow;
    }

    /// <summary>Gets the burn-rate rules and traffic guard in use.</summary>
    public BurnRatePolicy Policy => _policy;

    /// <summary>Evaluates an SLO over the period ending at <paramref name="asOf"/>.</summary>
    /// <param name="slo">The SLO.</param>
    /// <param name="snapshots">The snapshots, in any order; those outside (as-of - period, as-of] are ignored and counted.</param>
    /// <param name="asOf">The end of the period; when omitted, the newest snapshot's time. Never the wall clock.</param>
    /// <returns>The evaluation; with no usable snapshot, a result that says so (no division by zero).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slo"/> or <paramref name="snapshots"/> is null.</exception>
    /// <exception cref="ArgumentException">A snapshot is null.</exception>
    public SloEvaluation Evaluate(SloDefinition slo, IEnumerable<MetricSnapshot> snapshots, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(snapshots);
        var list = snapshots as IReadOnlyList<MetricSnapshot> ?? snapshots.ToArray();
        var end = asOf ?? Newest(slo, list);
        if (end is not { } time)
        {
            return new SloEvaluation
            {
                Slo = slo,
                Budget = new ErrorBudget(0, 0),
                CurrentBurnRateWindow = _currentWindow,
                Reason = $"{slo.Name}: no snapshots and no as-of time, nothing to evaluate; the error budget is untouched.",
            };
        }

        var series = SloSeries.Build(slo, list, time);
        var total = series.Total;
        var budget = new ErrorBudget(slo.ErrorBudgetRatio * total.Events, total.Bad);
        var (burnDown, exhaustedAt) = SloBurnDown.Build(series, budget.Allowed, slo.Period, _maxBurnDownPoints);
        var (violations, violationCount) = SloViolations.Find(slo, series.Samples, _maxViolations);
        var alerts = BurnRateRules.Evaluate(slo, series, _policy);
        var current = series.Window(_currentWindow).BurnRate(slo.ErrorBudgetRatio);
        double? compliance = total.Events > 0 ? (total.Events - total.Bad) / total.Events : null;

        var evaluation = new SloEvaluation
        {
            Slo = slo,
            AsOf = time,
            PeriodStart = series.PeriodStart,
            Snapshots = series.Samples.Length,
            SkippedSnapshots = series.Skipped,
            OutsidePeriodSnapshots = series.Outside,
            TotalEvents = total.Events,
            GoodEvents = total.Events - total.Bad,
            BadEvents = total.Bad,
            Compliance = compliance,
            IsMet = compliance is { } c ? BurnRateRules.AtOrAbove(c, slo.Objective) : null,
            Budget = budget,
            BurnDown = burnDown,
            CurrentBurnRate = current,
            CurrentBurnRateWindow = _currentWindow,
            ProjectedExhaustion = Project(time, budget, current, slo.Period),
            ExhaustedAt = exhaustedAt,
            Violations = violations,
            ViolationCount = violationCount,
            BurnRateAlerts = alerts,
            FiringAlerts = [.. alerts.Where(static a => a.IsFiring).OrderByDescending(static a => a.Severity)],
            Reason = string.Empty,
        };
        return evaluation with { Reason = SloReason.Describe(evaluation, series) };
    }

    private static DateTimeOffset? Newest(SloDefinition slo, IReadOnlyList<MetricSnapshot> snapshots)
    {
        DateTimeOffset? newest = null;
        for (var i = 0; i < snapshots.Count; i++)
        {
            var snapshot = snapshots[i] ?? throw new ArgumentException($"SLO '{slo.Name}': snapshot {i} is null.", nameof(snapshots));
            newest = newest is { } n && n >= snapshot.Timestamp ? n : snapshot.Timestamp;
        }

        return newest;
    }

    /// <summary>At burn rate b the whole budget lasts period / b, so what remains lasts remaining x period / b.</summary>
    private static DateTimeOffset? Project(DateTimeOffset asOf, ErrorBudget budget, double? burnRate, TimeSpan period)
    {
        if (burnRate is not { } rate || rate <= 0 || budget.Allowed <= 0 || budget.IsExhausted)
        {
            return null;
        }

        var ticks = budget.RemainingFraction * period.Ticks / rate;
        return ticks < (DateTimeOffset.MaxValue - asOf).Ticks ? asOf.AddTicks((long)Math.Round(ticks)) : null;
    }
}
