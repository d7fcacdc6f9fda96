namespace Observability;

/// <summary>A request to roll back a service.</summary>
/// <param name="Service">The service whose rollout goes back.</param>
/// <param name="Reason">Why, in a person's words or the verdict's summary; recorded in the audit trail.</param>
public sealed record RollbackRequest(string Service, string Reason)
{
    /// <summary>Gets the verdict that led to the rollback, when known.</summary>
    public Decision? Decision { get; init; }

    /// <summary>Gets the trace id of the pass (or of the command) that asked, when known.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets a value indicating whether a monitoring pass asked by itself (<see cref="RollbackOptions.Automatic"/>).</summary>
    public bool Automatic { get; init; }
}
