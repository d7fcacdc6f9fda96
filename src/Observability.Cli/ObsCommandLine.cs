using System.CommandLine;
using System.CommandLine.Help;
using Observability.Cli.Archive;
using Observability.Cli.Check;
using Observability.Cli.Internal;
using Observability.Cli.Report;
using Observability.Cli.Rollback;
using Observability.Cli.Stability;

namespace Observability.Cli;

/// <summary>The root command, its subcommands and the one place where failures become exit codes.</summary>
internal static class ObsCommandLine
{
    /// <summary>How long a command stopped by Ctrl+C or SIGTERM may take to finish writing before the process ends.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    public static Command Build()
    {
        // A plain command named obs rather than RootCommand, which names itself after the entry assembly
        // (Observability.Cli): help and usage show the command a user types.
        var root = new Command(
            "obs",
            "obs: release health on the command line. One monitoring pass with verdict exit codes for CI (check), "
            + "the 7-day stability monitor (stability), summaries rebuilt from raw snapshots (report), an audited "
            + "archive (archive) and the confirmed emergency rollback (rollback). " + ExitCodes.Help);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(StabilityCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ArchiveCommand.Create());
        root.Subcommands.Add(RollbackCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        try
        {
            // The default handler prints a stack trace; every failure here becomes one line instead. Ctrl+C and SIGTERM cancel
            // the command's token; a stopped command then gets up to 30 s (not the default 2 s) to write what it has, such as
            // the days a stability run collected, before the process ends anyway.
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = StopGrace };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"error: {e.GetType().Name}: {Redact.OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }
    }
}
