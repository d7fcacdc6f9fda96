namespace Observability;

/// <summary>Why a day counts as degraded: a rule, what was measured against what, and a sentence.</summary>
/// <param name="Rule">The rule: <c>availability_compliance</c>, <c>latency_compliance</c> or <c>error_rate</c>.</param>
/// <param name="Observed">The observed value (a ratio in [0, 1]).</param>
/// <param name="Threshold">The threshold it was compared with.</param>
/// <param name="Reason">A sentence a person can read, with the numbers.</param>
public sealed record DegradationFlag(string Rule, double Observed, double Threshold, string Reason)
{
    /// <summary>The rule for availability SLO compliance below the degradation threshold.</summary>
    public const string AvailabilityCompliance = "availability_compliance";

    /// <summary>The rule for latency SLO compliance below the degradation threshold.</summary>
    public const string LatencyCompliance = "latency_compliance";

    /// <summary>The rule for an average error rate at or above the threshold.</summary>
    public const string ErrorRate = "error_rate";
}
