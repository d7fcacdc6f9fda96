namespace Observability.Internal;

/// <summary>Whether a snapshot met an SLO: unknown when the metric was not measured (never counted as met).</summary>
internal enum SloOutcome : byte
{
    Unknown = 0,
    Good = 1,
    Bad = 2,
}
