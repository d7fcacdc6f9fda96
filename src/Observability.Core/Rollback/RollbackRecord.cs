namespace Observability;

/// <summary>One entry of the rollback audit trail: when, who asked why, and what the action did.</summary>
public sealed record RollbackRecord
{
    /// <summary>Gets when the rollback started.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the service rolled back.</summary>
    public required string Service { get; init; }

    /// <summary>Gets why (redacted).</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the verdict that led to it, when known.</summary>
    public Decision? Decision { get; init; }

    /// <summary>Gets the trace id of the rollback.</summary>
    public required string TraceId { get; init; }

    /// <summary>Gets a value indicating whether a monitoring pass started it by itself.</summary>
    public bool Automatic { get; init; }

    /// <summary>Gets what the action does (<see cref="IRollbackAction.Description"/>).</summary>
    public required string Action { get; init; }

    /// <summary>Gets how the action ended.</summary>
    public required RollbackOutcome Outcome { get; init; }

    /// <summary>Gets the command's exit code, when a command ran to its end.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Gets the HTTP status code, when the server answered.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>Gets what went wrong (redacted, one line); <see langword="null"/> on success.</summary>
    public string? Error { get; init; }

    /// <summary>Gets how long the action took.</summary>
    public required TimeSpan Duration { get; init; }
}
