namespace Observability.Cli.Internal;

/// <summary>The exit codes of every command, and their one description for --help.</summary>
internal static class ExitCodes
{
    public const int Proceed = 0;
    public const int BadUsage = 1;
    public const int Hold = 2;
    public const int Rollback = 3;
    public const int NoData = 4;
    public const int RollbackFailed = 5;
    public const int Interrupted = 130;

    public const string Help =
        "Exit codes: 0 proceed (or the command succeeded), 2 hold, 3 rollback, 4 no data, 1 bad usage or configuration, 130 interrupted.";

    public const string RollbackHelp =
        "Exit codes: 0 rolled back, 1 refused (no --confirm YES) or bad usage or configuration (nothing was run), 5 the rollback action failed, timed out or could not run, 130 interrupted.";

    public static int For(Decision decision) => decision switch
    {
        Decision.Proceed => Proceed,
        Decision.Hold => Hold,
        Decision.Rollback => Rollback,
        _ => NoData,
    };

    /// <summary>Orders decisions by how much they should stop a rollout: rollback, hold, no data, proceed.</summary>
    public static int Severity(Decision decision) => decision switch
    {
        Decision.Rollback => 3,
        Decision.Hold => 2,
        Decision.NoData => 1,
        _ => 0,
    };

    public static string Token(Decision decision) => decision switch
    {
        Decision.Proceed => "proceed",
        Decision.Hold => "hold",
        Decision.Rollback => "rollback",
        Decision.NoData => "no_data",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
