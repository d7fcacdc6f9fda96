namespace Observability;

/// <summary>
/// The bands inside which a change counts as no change. A band is exclusive: a change of exactly
/// the band counts as a move (5 % is up, 4.99 % is flat).
/// </summary>
public sealed class TrendOptions
{
    /// <summary>Gets or sets the period-over-period change, in percent either way, below which a trend is flat. Default: 5.</summary>
    public double FlatBandPercent { get; set; } = 5;

    /// <summary>Gets or sets the availability change, in percentage points either way, below which availability is stable. Default: 0.5.</summary>
    public double AvailabilityBandPoints { get; set; } = 0.5;

    /// <summary>Gets or sets the latency change, in milliseconds either way, below which latency is stable. Default: 10.</summary>
    public double LatencyBandMilliseconds { get; set; } = 10;

    /// <summary>Gets or sets the CPU or memory change, in percent of the first half's value either way, below which it is stable. Default: 5.</summary>
    public double ResourceBandPercent { get; set; } = 5;
}
