namespace Observability;

/// <summary>
/// The outcome of one <see cref="BurnRateRule"/> for one SLO: the measured burn rates of both
/// windows, the threshold they were compared with, the traffic guard and a sentence with the numbers.
/// A burn rate is (bad events / events in the window) / (1 - objective); 1 spends exactly the budget over the period.
/// </summary>
public sealed record BurnRateAlert
{
    /// <summary>Gets the SLO's name.</summary>
    public required string Slo { get; init; }

    /// <summary>Gets the rule's name, for example <c>burn_rate_1h_5m</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets the rule's severity: <see cref="AlertSeverity.Critical"/> pages, <see cref="AlertSeverity.Warning"/> files a ticket.</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>Gets what the rule concluded.</summary>
    public required BurnRateAlertStatus Status { get; init; }

    /// <summary>Gets a value indicating whether the rule fires.</summary>
    public bool IsFiring => Status == BurnRateAlertStatus.Firing;

    /// <summary>Gets the share of the period's budget the long window may spend before the rule fires.</summary>
    public required double BudgetShare { get; init; }

    /// <summary>Gets the long window.</summary>
    public required TimeSpan LongWindow { get; init; }

    /// <summary>Gets the short window.</summary>
    public required TimeSpan ShortWindow { get; init; }

    /// <summary>Gets the threshold burn rate: budget share x period / long window.</summary>
    public required double Threshold { get; init; }

    /// <summary>Gets the burn rate of the long window; <see langword="null"/> when it holds no events.</summary>
    public double? LongBurnRate { get; init; }

    /// <summary>Gets the burn rate of the short window; <see langword="null"/> when it holds no events.</summary>
    public double? ShortBurnRate { get; init; }

    /// <summary>Gets the traffic (requests or jobs) in the long window, which the guard compares with <see cref="MinimumEvents"/>.</summary>
    public double LongWindowTraffic { get; init; }

    /// <summary>Gets the traffic guard the long window had to meet.</summary>
    public double MinimumEvents { get; init; }

    /// <summary>Gets a sentence with the numbers: both burn rates, the threshold, the windows and the guard.</summary>
    public required string Reason { get; init; }
}
