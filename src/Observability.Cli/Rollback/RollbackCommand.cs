using System.CommandLine;
using System.Globalization;
using Observability.Cli.Internal;

namespace Observability.Cli.Rollback;

/// <summary><c>obs rollback</c>: the emergency rollback, which refuses to run anything without <c>--confirm YES</c>.</summary>
internal static class RollbackCommand
{
    public const string Confirmation = "YES";

    public static Command Create()
    {
        var confirm = new Option<string>("--confirm") { Description = "Must be YES (upper case): the explicit confirmation that the rollout goes back now.", HelpName = "YES" };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit entry, the alert and the incident issue (default: \"emergency rollback from the command line\").", HelpName = "text" };
        var config = new Option<string>("--config")
        {
            Description = "An appsettings.json whose Observability:Rollback section sets the action: Command:FileName and Command:Arguments (run directly, no shell), "
                + "or Http:Url, Http:Method, Http:Body, Http:TokenVariable (the name of the environment variable holding a bearer token); and Timeout (default 00:02:00). "
                + "Environment variables such as Observability__Rollback__Command__FileName override it.",
            HelpName = "appsettings.json",
        };
        var service = new Option<string>("--service") { Description = "The service rolled back (default: the configuration's Observability:ServiceName).", HelpName = "name" };
        var verdict = new Option<string>("--verdict") { Description = "The verdict that led here, for the audit entry: proceed, hold, rollback or no_data.", HelpName = "verdict" };
        var traceId = new Option<string>("--trace-id") { Description = "The trace id of the check that said rollback (32 hex digits), to tie the audit entry to its report.", HelpName = "id" };
        var state = new Option<string>("--state") { Description = "The folder of the audit trail, rollback-audit.jsonl (default: .obs).", HelpName = "dir" };
        var command = new Command(
            "rollback",
            "The emergency rollback. Refuses without --confirm YES (exit 1, runs nothing). With it: runs the configured rollback action (a command or an HTTP call) within its timeout, "
            + "appends the audit entry (when, reason, verdict, trace id, outcome, exit code or HTTP status, duration) to <state>/rollback-audit.jsonl, and sends a critical alert "
            + "through the sinks of the OBS_* environment variables (OBS_GITHUB_TOKEN + OBS_GITHUB_REPOSITORY open the incident issue). "
            + "Stdout ends with rollback=<succeeded|failed|timed_out|error> service=<name> exit_code=<n|-> http_status=<n|-> duration_ms=<n> trace_id=<id>. "
            + ExitCodes.RollbackHelp)
        {
            confirm, reason, config, service, verdict, traceId, state,
        };
        var secrets = SecretOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // First, before any file is read or written.
            if (!string.Equals(parse.GetValue(confirm), Confirmation, StringComparison.Ordinal))
            {
                throw new UsageException("rollback refused: give --confirm YES to roll back; nothing was run.");
            }

            SecretOptions.Refuse(parse, secrets);
            var settings = new RollbackSettings
            {
                Reason = parse.GetValue(reason) is { } r && !string.IsNullOrWhiteSpace(r) ? r.Trim() : "emergency rollback from the command line",
                ConfigFile = parse.GetValue(config) is { } file ? Inputs.ExistingFile("--config", file) : null,
                Service = parse.GetValue(service) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null,
                Verdict = parse.GetValue(verdict) is { } v ? Verdict(v) : null,
                TraceId = parse.GetValue(traceId) is { } t ? TraceId(t) : null,
                StateDirectory = Inputs.WritableDirectory("--state", parse.GetValue(state) ?? ".obs"),
            };
            return await RollbackRunner.RunAsync(settings, Console.Out, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Decision Verdict(string value) => value.Trim().ToLowerInvariant() switch
    {
        "proceed" => Decision.Proceed,
        "hold" => Decision.Hold,
        "rollback" => Decision.Rollback,
        "no_data" => Decision.NoData,
        _ => throw new UsageException($"--verdict '{value}' is not a verdict: give proceed, hold, rollback or no_data."),
    };

    private static string TraceId(string value)
    {
        var id = value.Trim().ToLowerInvariant();
        return id.Length == 32 && id.All(char.IsAsciiHexDigit) && id.Any(static c => c != '0')
            ? id
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--trace-id '{value}' is not a trace id: give the 32 hex digits of the check's report (traceId)."));
    }
}
