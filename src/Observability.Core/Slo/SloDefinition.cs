using System.Globalization;
using Observability.Internal;

namespace Observability;

/// <summary>
/// A service level objective: what is measured (<see cref="Kind"/>), the share of good events it
/// promises (<see cref="Objective"/>), the per-snapshot limit (<see cref="Threshold"/>) and the
/// rolling period the error budget covers (<see cref="Period"/>). Immutable; validated on construction.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SloKind.Availability"/> and <see cref="SloKind.ErrorRate"/> are request-based: the
/// budget counts bad events (error rate x volume). Their <see cref="Threshold"/> only decides which
/// snapshots are listed as violations: availability below it, or error rate above it.
/// </para>
/// <para>
/// <see cref="SloKind.LatencyPercentile"/> is time-based: a snapshot is good when its
/// <see cref="Percentile"/> latency is under <see cref="Threshold"/> milliseconds, and the objective
/// is the share of good snapshots. For example p99 &lt; 500 ms in 99 % of the one-minute snapshots.
/// </para>
/// </remarks>
public sealed class SloDefinition
{
    /// <summary>The default period of the error budget: 30 days.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    /// <summary>The default percentile of a latency SLO: 99.</summary>
    public const double DefaultPercentile = 99;

    /// <summary>Initializes a new instance of the <see cref="SloDefinition"/> class.</summary>
    /// <param name="name">The SLO's name, for example <c>checkout-availability</c>.</param>
    /// <param name="kind">What is measured.</param>
    /// <param name="objective">The share of good events promised, in (0, 1); 0.999 is 99.9 %.</param>
    /// <param name="threshold">
    /// Availability: the availability under which a snapshot is a violation, in (0, 1); default <paramref name="objective"/>.
    /// Error rate: the largest error rate a snapshot may have and still count as good, in (0, 1); default 1 - <paramref name="objective"/>.
    /// Latency: the latency in milliseconds the percentile must stay under; required, positive.
    /// </param>
    /// <param name="period">The rolling period of the error budget; positive; default <see cref="DefaultPeriod"/>.</param>
    /// <param name="percentile">Latency only: the percentile in (0, 100); default <see cref="DefaultPercentile"/>. Must be omitted for other kinds.</param>
    /// <exception cref="ArgumentException">A value is missing, out of range or does not apply to <paramref name="kind"/>; the message says which and why.</exception>
    public SloDefinition(string name, SloKind kind, double objective, double? threshold = null, TimeSpan? period = null, double? percentile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"SLO '{name}': unknown kind {(int)kind}; use Availability, ErrorRate or LatencyPercentile.");
        }

        if (!(objective > 0 && objective < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(objective), objective, $"SLO '{name}': the objective must be a ratio strictly between 0 and 1 (0.999 is 99.9 %); {Format(objective)} leaves no error budget or makes no promise.");
        }

        var resolvedPeriod = period ?? DefaultPeriod;
        if (resolvedPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), resolvedPeriod, $"SLO '{name}': the period must be positive (was {resolvedPeriod}).");
        }

        Name = name;
        Kind = kind;
        Objective = objective;
        Period = resolvedPeriod;
        ErrorBudgetRatio = SloMath.Complement(objective);
        (Threshold, Percentile, Metric) = kind switch
        {
            SloKind.Availability => (Ratio(name, threshold ?? objective, "availability threshold"), (double?)null, WellKnownMetrics.Availability),
            SloKind.ErrorRate => (Ratio(name, threshold ?? SloMath.Complement(objective), "error rate threshold"), (double?)null, WellKnownMetrics.ErrorRate),
            _ => LatencyParts(name, threshold, percentile ?? DefaultPercentile),
        };

        AllowedErrorRate = kind == SloKind.Availability ? SloMath.Complement(Threshold) : Threshold;
        if (kind != SloKind.LatencyPercentile && percentile is not null)
        {
            throw new ArgumentException($"SLO '{name}': a percentile ({Format(percentile.Value)}) only applies to a LatencyPercentile SLO, not to {kind}.", nameof(percentile));
        }
    }

    /// <summary>Gets the SLO's name.</summary>
    public string Name { get; }

    /// <summary>Gets what is measured.</summary>
    public SloKind Kind { get; }

    /// <summary>Gets the share of good events promised, in (0, 1).</summary>
    public double Objective { get; }

    /// <summary>Gets the share of events that may be bad, 1 - <see cref="Objective"/>: the error budget as a ratio.</summary>
    /// <remarks>Computed in decimal, so 1 - 0.999 is exactly 0.001 as a double.</remarks>
    public double ErrorBudgetRatio { get; }

    /// <summary>
    /// Gets the per-snapshot limit: the minimum availability (<see cref="SloKind.Availability"/>), the
    /// maximum error rate (<see cref="SloKind.ErrorRate"/>) or the latency in milliseconds the
    /// percentile must stay under (<see cref="SloKind.LatencyPercentile"/>).
    /// </summary>
    public double Threshold { get; }

    /// <summary>Gets the error rate above which a snapshot of a request-based SLO is a violation (1 - threshold for availability).</summary>
    internal double AllowedErrorRate { get; }

    /// <summary>Gets the rolling period the error budget covers.</summary>
    public TimeSpan Period { get; }

    /// <summary>Gets the latency percentile, for example 99; <see langword="null"/> for other kinds.</summary>
    public double? Percentile { get; }

    /// <summary>
    /// Gets the metric read from each snapshot: <c>availability</c>, <c>error_rate</c> or
    /// <c>latency_p{percentile}_ms</c> (for example <see cref="WellKnownMetrics.LatencyP99"/>).
    /// Availability and error rate fall back on each other and on error_count / volume.
    /// </summary>
    public string Metric { get; }

    /// <summary>Creates a request-based availability SLO.</summary>
    /// <param name="name">The SLO's name.</param>
    /// <param name="objective">The share of good events, in (0, 1).</param>
    /// <param name="period">The budget period; default 30 days.</param>
    /// <returns>The definition.</returns>
    public static SloDefinition Availability(string name, double objective, TimeSpan? period = null)
        => new(name, SloKind.Availability, objective, period: period);

    /// <summary>Creates a request-based error-rate SLO.</summary>
    /// <param name="name">The SLO's name.</param>
    /// <param name="objective">The share of good events, in (0, 1).</param>
    /// <param name="maxErrorRate">The error rate above which a snapshot is a violation; default 1 - <paramref name="objective"/>.</param>
    /// <param name="period">The budget period; default 30 days.</param>
    /// <returns>The definition.</returns>
    public static SloDefinition ErrorRate(string name, double objective, double? maxErrorRate = null, TimeSpan? period = null)
        => new(name, SloKind.ErrorRate, objective, maxErrorRate, period);

    /// <summary>Creates a time-based latency SLO: the percentile must stay under <paramref name="thresholdMs"/> in the objective's share of snapshots.</summary>
    /// <param name="name">The SLO's name.</param>
    /// <param name="objective">The share of good snapshots, in (0, 1).</param>
    /// <param name="thresholdMs">The latency in milliseconds the percentile must stay under.</param>
    /// <param name="percentile">The percentile, in (0, 100); default 99.</param>
    /// <param name="period">The budget period; default 30 days.</param>
    /// <returns>The definition.</returns>
    public static SloDefinition Latency(string name, double objective, double thresholdMs, double percentile = DefaultPercentile, TimeSpan? period = null)
        => new(name, SloKind.LatencyPercentile, objective, thresholdMs, period, percentile);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SloKind.LatencyPercentile => $"{Name}: p{Format(Percentile!.Value)} < {Format(Threshold)} ms in {Format(Objective * 100)} % of snapshots over {Period.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days",
        _ => $"{Name}: {Kind} {Format(Objective * 100)} % over {Period.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days",
    };

    private static double Ratio(string name, double threshold, string what)
        => threshold > 0 && threshold < 1
            ? threshold
            : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"SLO '{name}': the {what} must be a ratio strictly between 0 and 1 (was {Format(threshold)}).");

    private static (double Threshold, double? Percentile, string Metric) LatencyParts(string name, double? threshold, double percentile)
    {
        if (threshold is not { } ms)
        {
            throw new ArgumentException($"SLO '{name}': a LatencyPercentile SLO needs a threshold in milliseconds (for example 500 for p99 < 500 ms).", nameof(threshold));
        }

        if (!(ms > 0) || !double.IsFinite(ms))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), ms, $"SLO '{name}': the latency threshold must be a positive number of milliseconds (was {Format(ms)}).");
        }

        if (!(percentile > 0 && percentile < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, $"SLO '{name}': the percentile must lie strictly between 0 and 100, for example 99 (was {Format(percentile)}).");
        }

        return (ms, percentile, "latency_p" + Format(percentile) + "_ms");
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
