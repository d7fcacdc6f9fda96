namespace Observability.Internal;

/// <summary>The sums of a trailing window of an <see cref="SloSeries"/>.</summary>
internal readonly record struct SloWindowTotals(double Events, double Bad, double Traffic)
{
    /// <summary>(bad / events) / (1 - objective); null when the window holds no events.</summary>
    public double? BurnRate(double errorBudgetRatio) => Events > 0 ? Bad / Events / errorBudgetRatio : null;
}
