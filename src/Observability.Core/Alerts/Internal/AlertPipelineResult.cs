namespace Observability.Internal;

/// <summary>What the alert pipeline did with a pass's alerts.</summary>
internal sealed record AlertPipelineResult(IReadOnlyList<Alert> Raised, int Suppressed, IReadOnlyList<DeliveryResult> Deliveries);
