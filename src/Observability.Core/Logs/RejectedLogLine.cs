namespace Observability;

/// <summary>A log line that was rejected: where, why and in words.</summary>
/// <param name="LineNumber">The 1-based line number in the input (empty lines count).</param>
/// <param name="Reason">Why the line was rejected.</param>
/// <param name="Message">What is wrong, for a person, for example <c>field 'duration_ms' is negative (-5)</c>.</param>
public sealed record RejectedLogLine(long LineNumber, LogRejectReason Reason, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {LineNumber}: {Reason}: {Message}";
}
