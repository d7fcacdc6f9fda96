namespace Observability;

/// <summary>
/// One execution recorded by <see cref="ExecutionTracer"/>: a user's command (or the service's own work, such as a
/// monitoring pass) with its steps, timings, error and run link. Every text in it is redacted when recorded.
/// </summary>
public sealed class ExecutionTrace
{
    /// <summary>Gets the trace id (32 hex characters, the W3C trace id of the command's activity).</summary>
    public required string TraceId { get; init; }

    /// <summary>Gets the command, for example <c>/diagnose</c> or <c>monitoring pass</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Gets the user who ran it; <see langword="null"/> for the service's own work.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets when it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets how long it took.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Gets its steps in the order they started.</summary>
    public required IReadOnlyList<TraceStep> Steps { get; init; }

    /// <summary>Gets how many steps were left out because the trace already held <see cref="TraceRecording.MaxSteps"/>.</summary>
    public int OmittedSteps { get; init; }

    /// <summary>Gets the error that ended it, redacted; <see langword="null"/> when it succeeded.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a link to the run it started (a CI run, a dashboard); <see langword="null"/> when none.</summary>
    public Uri? RunLink { get; init; }

    /// <summary>Gets the trace fingerprint: the first 8 characters of <see cref="TraceId"/> (see <see cref="TraceFingerprint"/>).</summary>
    public string Fingerprint => TraceFingerprint.Of(TraceId);
}
