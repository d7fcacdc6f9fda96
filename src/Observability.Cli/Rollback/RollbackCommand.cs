using System.CommandLine;
using Observability.Cli.Internal;

namespace Observability.Cli.Rollback;

/// <summary><c>obs rollback</c>: the emergency rollback, which refuses to run anything without <c>--confirm YES</c>.</summary>
internal static class RollbackCommand
{
    public const string Confirmation = "YES";

    public static Command Create()
    {
        var confirm = new Option<string>("--confirm") { Description = "Must be YES (upper case): the explicit confirmation that the rollout goes back now.", HelpName = "YES" };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit entry.", HelpName = "text" };
        var command = new Command(
            "rollback",
            "The emergency rollback. Refuses without --confirm YES (exit 1, runs nothing). "
            + "Running a configured rollback action is not implemented yet: with the confirmation it says so and exits 1.")
        {
            confirm, reason,
        };
        command.SetAction(int (parse) =>
        {
            if (!string.Equals(parse.GetValue(confirm), Confirmation, StringComparison.Ordinal))
            {
                throw new UsageException("rollback refused: give --confirm YES to roll back; nothing was run.");
            }

            throw new UsageException("rollback: no rollback action can be configured in this version of obs; nothing was run.");
        });
        return command;
    }
}
