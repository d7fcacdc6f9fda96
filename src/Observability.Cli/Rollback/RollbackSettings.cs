namespace Observability.Cli.Rollback;

/// <summary>The checked command line of <c>obs rollback</c>.</summary>
internal sealed class RollbackSettings
{
    public required string Reason { get; init; }

    public string? ConfigFile { get; init; }

    public string? Service { get; init; }

    public Decision? Verdict { get; init; }

    public string? TraceId { get; init; }

    public required string StateDirectory { get; init; }
}
