using System.Globalization;

namespace Observability.Eval.Storm;

/// <summary>The storm command's arguments: <c>--alertmanager &lt;url&gt; [--sizes 1000,10000,40000] [--runs 3]</c>.</summary>
/// <param name="Alertmanager">Alertmanager's base address, on loopback.</param>
/// <param name="Sizes">The storm sizes (distinct alerts), in the order given.</param>
/// <param name="Runs">How many measured runs per size (the median is reported).</param>
internal sealed record StormArguments(Uri Alertmanager, IReadOnlyList<int> Sizes, int Runs)
{
    /// <summary>The largest storm accepted.</summary>
    public const int MaxSize = 1_000_000;

    /// <summary>The most runs accepted.</summary>
    public const int MaxRuns = 101;

    /// <summary>Parses the arguments after the command name; on bad usage returns null and sets <paramref name="problem"/>.</summary>
    public static StormArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? url = null, sizes = null, runs = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is not ("--alertmanager" or "--sizes" or "--runs") || i + 1 >= args.Count)
            {
                problem = i + 1 >= args.Count && args[i].StartsWith("--", StringComparison.Ordinal)
                    ? $"the option '{args[i]}' needs a value."
                    : $"unknown argument '{args[i]}'.";
                return null;
            }

            switch (args[i])
            {
                case "--alertmanager": url = args[i + 1]; break;
                case "--sizes": sizes = args[i + 1]; break;
                default: runs = args[i + 1]; break;
            }
        }

        if (url is null)
        {
            problem = "--alertmanager <url> is required (Alertmanager's base address on loopback, e.g. http://127.0.0.1:9093).";
            return null;
        }

        var address = ParseAddress(url, out problem);
        var sizeList = address is null ? null : ParseSizes(sizes ?? "1000,10000,40000", out problem);
        var runCount = sizeList is null ? 0 : ParseRuns(runs ?? "3", out problem);
        return runCount == 0 ? null : new StormArguments(address!, sizeList!, runCount);
    }

    /// <summary>The address as <c>host:port</c>, the only part of it ever printed.</summary>
    public static string HostAndPort(Uri address) => $"{address.Host}:{address.Port.ToString(CultureInfo.InvariantCulture)}";

    private static Uri? ParseAddress(string url, out string? problem)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.Host.Length == 0)
        {
            problem = "--alertmanager must be an absolute http:// or https:// address, e.g. http://127.0.0.1:9093.";
            return null;
        }

        if (!address.IsLoopback)
        {
            problem = $"--alertmanager must be a loopback address (127.0.0.1, [::1] or localhost), not {HostAndPort(address)}: "
                + "the eval talks to a local Alertmanager only.";
            return null;
        }

        problem = null;
        var builder = new UriBuilder(address) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    private static List<int>? ParseSizes(string text, out string? problem)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > MaxSize)
            {
                problem = $"--sizes: '{part}' is not a whole number from 1 to {MaxSize.ToString("N0", CultureInfo.InvariantCulture)} "
                    + "(give a comma-separated list, e.g. 1000,10000,40000).";
                return null;
            }

            if (sizes.Contains(size))
            {
                problem = $"--sizes: {size.ToString(CultureInfo.InvariantCulture)} is given twice.";
                return null;
            }

            sizes.Add(size);
        }

        problem = null;
        return sizes;
    }

    private static int ParseRuns(string text, out string? problem)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) || runs < 1 || runs > MaxRuns)
        {
            problem = $"--runs: '{text}' is not a whole number from 1 to {MaxRuns.ToString(CultureInfo.InvariantCulture)}.";
            return 0;
        }

        problem = null;
        return runs;
    }
}
