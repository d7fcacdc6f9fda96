using Observability.Internal;

namespace Observability;

/// <summary>
/// One row of a multi-window, multi-burn-rate alert (Google SRE workbook, chapter 5): fire when
/// both <see cref="LongWindow"/> and <see cref="ShortWindow"/> burn the error budget at least
/// <see cref="ThresholdFor"/> times faster than the period allows, that is when the long window
/// alone would spend <see cref="BudgetShare"/> of the period's budget.
/// </summary>
/// <remarks>The short window (typically 1/12 of the long one) makes the alert stop soon after the burn stops.</remarks>
public sealed record BurnRateRule
{
    /// <summary>Initializes a new instance of the <see cref="BurnRateRule"/> class.</summary>
    /// <param name="budgetShare">The share of the period's error budget the long window may spend before the rule fires, in (0, 1]; 0.02 is 2 %.</param>
    /// <param name="longWindow">The long window; positive.</param>
    /// <param name="shortWindow">The short window; positive and shorter than <paramref name="longWindow"/>.</param>
    /// <param name="severity">How urgent a firing is: <see cref="AlertSeverity.Critical"/> to page, <see cref="AlertSeverity.Warning"/> for a ticket.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message says which.</exception>
    public BurnRateRule(double budgetShare, TimeSpan longWindow, TimeSpan shortWindow, AlertSeverity severity)
    {
        if (!(budgetShare > 0 && budgetShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(budgetShare), budgetShare, $"A burn-rate rule's budget share must lie in (0, 1], for example 0.02 for 2 % (was {SloText.Number(budgetShare, "0.####")}).");
        }

        if (longWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(longWindow), longWindow, $"A burn-rate rule's long window must be positive (was {longWindow}).");
        }

        if (shortWindow <= TimeSpan.Zero || shortWindow >= longWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(shortWindow), shortWindow, $"A burn-rate rule's short window must be positive and shorter than its long window {longWindow} (was {shortWindow}).");
        }

        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, $"Unknown alert severity {(int)severity}.");
        }

        BudgetShare = budgetShare;
        LongWindow = longWindow;
        ShortWindow = shortWindow;
        Severity = severity;
        Name = $"burn_rate_{SloText.Duration(longWindow)}_{SloText.Duration(shortWindow)}";
    }

    /// <summary>Gets the rule's name, from its windows: <c>burn_rate_1h_5m</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the share of the period's error budget the long window may spend before the rule fires.</summary>
    public double BudgetShare { get; }

    /// <summary>Gets the long window.</summary>
    public TimeSpan LongWindow { get; }

    /// <summary>Gets the short window.</summary>
    public TimeSpan ShortWindow { get; }

    /// <summary>Gets how urgent a firing is.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>
    /// Gets the burn rate at which the rule fires for an SLO period: <see cref="BudgetShare"/> x
    /// <paramref name="period"/> / <see cref="LongWindow"/>. For 30 days: 2 % over 1 h is 14.4,
    /// 5 % over 6 h is 6, 10 % over 1 d is 3, 10 % over 3 d is 1.
    /// </summary>
    /// <param name="period">The SLO period; positive.</param>
    /// <returns>The threshold burn rate (1 spends exactly the budget over the period).</returns>
    public double ThresholdFor(TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return BudgetShare * period.Ticks / LongWindow.Ticks;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({SloText.Percent(BudgetShare)} of the budget, {Severity})";
}
