using System.CommandLine;
using Observability.Cli.Internal;

namespace Observability.Cli.Check;

/// <summary><c>obs check</c>: one monitoring pass per service, the exit code of the worst verdict.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var prometheus = new Option<string>("--prometheus-url")
        {
            Description = "Read the service's OpenTelemetry HTTP metrics from this Prometheus (http://127.0.0.1:9090/); no credentials in the address.",
            HelpName = "url",
        };
        var service = new Option<string[]>("--service")
        {
            Description = "The service to judge (the Prometheus job label); repeat for several services: one verdict each, the exit code of the worst. With --data, the service's name.",
            HelpName = "name",
            Arity = ArgumentArity.OneOrMore,
        };
        var data = new Option<string>("--data") { Description = "Read snapshots from this file (CSV or JSON lines), as the file collector does.", HelpName = "file" };
        var config = new Option<string>("--config")
        {
            Description = "An appsettings.json whose Observability section configures the pass (thresholds, SLOs, routes, reports); with no other source, its Collectors:File section names the data file. Relative paths in it are relative to the file.",
            HelpName = "appsettings.json",
        };
        var commitStatus = new Option<string>(CommitStatus.Option)
        {
            Description = "Post each verdict as a GitHub commit status on this commit (the full SHA, such as $GITHUB_SHA): proceed success, hold pending, rollback failure, no data error; "
                + "context observability/release-health, with ' (<service>)' for several services. Needs OBS_GITHUB_TOKEN (statuses: write) and OBS_GITHUB_REPOSITORY (+ OBS_GITHUB_API_URL).",
            HelpName = "sha",
        };
        var baseline = new Option<string>("--baseline") { Description = "The GA-day baseline JSON (metric -> value) that drift is measured against.", HelpName = "file" };
        var windowEnd = new Option<string>("--window-end") { Description = "The end of the judged window, ISO-8601 (default: now).", HelpName = "time" };
        var lookback = new Option<string>("--lookback") { Description = "How far back the window reaches: 7d, 24h, a bare number of hours (default: the configuration's LookbackWindow, else 24h).", HelpName = "time" };
        var interval = new Option<string>("--interval") { Description = "The time between snapshots, for the Prometheus step and the daily completeness (default: 30m; a bare number is minutes).", HelpName = "time" };
        var output = new Option<string>("--output") { Description = "Write the JSON and Markdown reports and the daily and weekly summaries here (several services: one folder each).", HelpName = "dir" };
        var state = new Option<string>("--state")
        {
            Description = "Keep the alert state here (alert-state.json: what fired, when it was notified), so runs every 15 minutes act as one process: "
                + "a repeat is not sent again within Alerts:RepeatInterval, a cleared condition is sent resolved once (its GitHub issue closed). With OBS_REDIS the state is kept in Redis instead.",
            HelpName = "dir",
        };

        var command = new Command(
            "check",
            "One monitoring pass: collect, judge, alert through the sinks configured by OBS_* environment variables, and exit with the verdict. "
            + "Stdout ends with verdict=<proceed|hold|rollback|no_data> health=<n> stability=<n> alerts=<n>; logs go to stderr. "
            + "Sinks: OBS_DISCORD_WEBHOOK_URL, OBS_DISCORD_BOT_TOKEN + ALERT_CHANNEL_ID (as a bot), OBS_SENTRY_DSN (error and up), OBS_GITHUB_TOKEN + OBS_GITHUB_REPOSITORY (+ OBS_GITHUB_API_URL; critical only), OBS_ALERTMANAGER_URL; OBS_REDIS shares the dedupe store. "
            + "Secrets are read from the environment only. In GitHub Actions (GITHUB_ACTIONS=true) the Markdown report goes to $GITHUB_STEP_SUMMARY and verdict, health, stability, alerts to $GITHUB_OUTPUT. "
            + ExitCodes.Help)
        {
            prometheus, service, data, config, baseline, windowEnd, lookback, interval, output, state,
        };
        var secrets = SecretOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            SecretOptions.Refuse(parse, secrets);
            var settings = new CheckSettings
            {
                PrometheusUrl = parse.GetValue(prometheus) is { } url ? Inputs.HttpAddress("--prometheus-url", url, "http://127.0.0.1:9090/") : null,
                Services = (parse.GetValue(service) ?? []).Select(static s => s.Trim()).Where(static s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
                DataFile = parse.GetValue(data) is { } file ? Inputs.ExistingFile("--data", file) : null,
                ConfigFile = parse.GetValue(config) is { } json ? Inputs.ExistingFile("--config", json) : null,
                BaselineFile = parse.GetValue(baseline) is { } b ? Inputs.ExistingFile("--baseline", b) : null,
                CommitStatusSha = parse.GetValue(commitStatus) is { } sha ? CommitStatus.Sha(sha) : null,
                WindowEnd = parse.GetValue(windowEnd) is { } end ? TimeText.Instant("--window-end", end) : null,
                Lookback = parse.GetValue(lookback) is { } l ? TimeText.Parse("--lookback", l, TimeSpan.FromHours(1), "hours") : null,
                Interval = parse.GetValue(interval) is { } i ? TimeText.Parse("--interval", i, TimeSpan.FromMinutes(1), "minutes") : TimeSpan.FromMinutes(30),
                OutputDirectory = parse.GetValue(output) is { } o ? Inputs.WritableDirectory("--output", o) : null,
                StateDirectory = parse.GetValue(state) is { } st ? Inputs.WritableDirectory("--state", st) : null,
            };
            if (settings.PrometheusUrl is not null && settings.DataFile is not null)
            {
                throw new UsageException("--prometheus-url and --data are two sources; give one.");
            }

            if (settings.PrometheusUrl is not null && settings.Services.Count == 0)
            {
                throw new UsageException("--prometheus-url needs --service <name> (the job label), once per service to judge.");
            }

            if (settings.PrometheusUrl is null && settings.Services.Count > 1)
            {
                throw new UsageException("several --service options need --prometheus-url; a --data file holds one service.");
            }

            if (settings.PrometheusUrl is null && settings.DataFile is null && settings.ConfigFile is null)
            {
                throw new UsageException("no source: give --prometheus-url <url> with --service <name>, --data <file>, or --config <appsettings.json> with a Collectors:File:Path.");
            }

            return await CheckRunner.RunAsync(settings, Console.Out, cancellationToken).ConfigureAwait(false);
        });
        command.Options.Add(commitStatus);
        return command;
    }
}
