namespace Observability;

/// <summary>What a rollback action did.</summary>
/// <param name="Outcome">How it ended.</param>
public sealed record RollbackActionResult(RollbackOutcome Outcome)
{
    /// <summary>Gets the command's exit code, when a command ran to its end.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Gets the HTTP status code, when the server answered.</summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>Gets what went wrong, in one line without secrets; <see langword="null"/> on success.</summary>
    public string? Error { get; init; }
}
