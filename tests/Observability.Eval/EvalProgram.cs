namespace Observability.Eval;

/// <summary>
/// The command line: <c>nab --data &lt;dir&gt; --labels &lt;combined_windows.json&gt; [--profiles &lt;profiles.json&gt;] [--detector &lt;name&gt;]</c>,
/// <c>redaction --corpus &lt;file.jsonl[.gz]&gt; --out &lt;outputs.jsonl&gt;</c>,
/// or <c>storm --alertmanager &lt;url&gt; [--sizes 1000,10000,40000] [--runs 3]</c>.
/// </summary>
internal static class EvalProgram
{
    /// <summary>The usage text.</summary>
    public const string Usage = "usage: nab --data <dir> --labels <combined_windows.json> [--profiles <profiles.json>] [--detector <name>]...\n       redaction --corpus <file.jsonl[.gz]> --out <outputs.jsonl>\n       storm --alertmanager <loopback url> [--sizes 1000,10000,40000] [--runs 3]";

    /// <summary>
    /// Runs the command; returns the process exit code (0 on success, 1 on bad data or, for <c>storm</c>, an Alertmanager that
    /// cannot be reached or answers non-2xx, 2 on bad usage, a non-loopback Alertmanager address included).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length > 0 && args[0] == "redaction")
        {
            return RunRedaction(args, output, error);
        }

        if (args.Length > 0 && args[0] == "storm")
        {
            return RunStorm(args, output, error);
        }

        if (args.Length == 0 || args[0] != "nab")
        {
            error.WriteLine(args.Length == 0 ? "error: no command given." : $"error: unknown command '{args[0]}'.");
            error.WriteLine(Usage);
            return 2;
        }

        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] is not ("--data" or "--labels" or "--profiles" or "--detector") || i + 1 >= args.Length)
            {
                error.WriteLine(i + 1 >= args.Length && args[i].StartsWith("--", StringComparison.Ordinal)
                    ? $"error: the option '{args[i]}' needs a value."
                    : $"error: unknown argument '{args[i]}'.");
                error.WriteLine(Usage);
                return 2;
            }

            if (!options.TryGetValue(args[i], out var values))
            {
                options[args[i]] = values = [];
            }

            values.Add(args[i + 1]);
        }

        if (!options.ContainsKey("--data") || !options.ContainsKey("--labels"))
        {
            error.WriteLine("error: both --data and --labels are required.");
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return Nab.NabCommand.Run(
                options["--data"][^1],
                options["--labels"][^1],
                options.TryGetValue("--profiles", out var profiles) ? profiles[^1] : null,
                options.TryGetValue("--detector", out var detectors) ? detectors : null,
                output,
                error);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int RunRedaction(string[] args, TextWriter output, TextWriter error)
    {
        string? corpus = null, outputs = null;
        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] is not ("--corpus" or "--out") || i + 1 >= args.Length)
            {
                error.WriteLine(i + 1 >= args.Length && args[i].StartsWith("--", StringComparison.Ordinal)
                    ? $"error: the option '{args[i]}' needs a value."
                    : $"error: unknown argument '{args[i]}'.");
                error.WriteLine(Usage);
                return 2;
            }

            if (args[i] == "--corpus")
            {
                corpus = args[i + 1];
            }
            else
            {
                outputs = args[i + 1];
            }
        }

        if (corpus is null || outputs is null)
        {
            error.WriteLine("error: both --corpus and --out are required.");
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return Redaction.RedactionCommand.Run(corpus, outputs, output, error);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int RunStorm(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = Storm.StormArguments.Parse(args[1..], out var problem);
        if (arguments is null)
        {
            error.WriteLine($"error: {problem}");
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return Storm.StormCommand.RunAsync(arguments, output, error, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Storm.StormException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
