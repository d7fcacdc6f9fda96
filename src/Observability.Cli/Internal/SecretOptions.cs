using System.CommandLine;

namespace Observability.Cli.Internal;

/// <summary>
/// Hidden options under the names a user might try for a secret. They exist only to refuse: a secret on the
/// command line ends up in shell history, process listings and CI logs, so it is read from its environment
/// variable instead. The refusal names the option and the variable, never the value.
/// </summary>
internal static class SecretOptions
{
    private static readonly (string Name, string Variable)[] Known =
    [
        ("--github-token", "OBS_GITHUB_TOKEN"),
        ("--token", "OBS_GITHUB_TOKEN"),
        ("--discord-webhook-url", "OBS_DISCORD_WEBHOOK_URL"),
        ("--discord-webhook", "OBS_DISCORD_WEBHOOK_URL"),
        ("--webhook-url", "OBS_DISCORD_WEBHOOK_URL"),
        ("--discord-bot-token", "OBS_DISCORD_BOT_TOKEN"),
        ("--bot-token", "OBS_DISCORD_BOT_TOKEN"),
        ("--sentry-dsn", "OBS_SENTRY_DSN"),
        ("--dsn", "OBS_SENTRY_DSN"),
        ("--redis", "OBS_REDIS"),
        ("--alertmanager-url", "OBS_ALERTMANAGER_URL"),
    ];

    /// <summary>Adds the refusing options to <paramref name="command"/>; call <see cref="Refuse"/> first thing in its action.</summary>
    public static IReadOnlyList<(Option<string> Option, string Variable)> AddTo(Command command)
    {
        var options = new List<(Option<string>, string)>();
        foreach (var (name, variable) in Known)
        {
            var option = new Option<string>(name) { Hidden = true, Description = $"Not accepted: set {variable}." };
            command.Options.Add(option);
            options.Add((option, variable));
        }

        return options;
    }

    /// <exception cref="UsageException">A secret option was given.</exception>
    public static void Refuse(ParseResult parse, IReadOnlyList<(Option<string> Option, string Variable)> options)
    {
        foreach (var (option, variable) in options)
        {
            if (parse.GetResult(option) is not null)
            {
                throw new UsageException(
                    $"{option.Name} is not accepted on the command line: secrets are read from the environment variable {variable} (the value given is not shown).");
            }
        }
    }
}
