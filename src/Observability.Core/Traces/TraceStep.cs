namespace Observability;

/// <summary>One step of an <see cref="ExecutionTrace"/>: its name, how it ended, how long it took, and a detail (redacted).</summary>
public sealed class TraceStep
{
    /// <summary>Gets the step's name, for example <c>Trigger workflow</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets how the step ended.</summary>
    public required TraceStepStatus Status { get; init; }

    /// <summary>Gets when the step started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets how long the step took; <see langword="null"/> while it runs.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets a short detail (an error, a count), already redacted; <see langword="null"/> when none.</summary>
    public string? Detail { get; init; }
}
