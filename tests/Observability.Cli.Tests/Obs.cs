using System.Reflection;

namespace Observability.Cli.Tests;

/// <summary>The built tool, the repository and its shipped data, seen from the test assembly.</summary>
internal static class Obs
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The build configuration of this test assembly, which the tool was built with too.</summary>
    public static string Configuration { get; } =
        typeof(Obs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string Dll => Path.Combine(Root, "src", "Observability.Cli", "bin", Configuration, "net10.0", "Observability.Cli.dll");

    public static string DotnetHost { get; } =
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The shipped week of the checkout service: it degrades on its last day.</summary>
    public static string DegradingWeek => Path.Combine(Root, "samples", "Observability.Samples.RolloutHealth", "data", "checkout-7d.csv");

    public static string Baseline => Path.Combine(Root, "samples", "Observability.Samples.RolloutHealth", "data", "baseline.json");

    /// <summary>The environment of a run: no GitHub Actions and no OBS_* sink inherited from the machine, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = null,
            ["GITHUB_STEP_SUMMARY"] = null,
            ["GITHUB_OUTPUT"] = null,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(static n => n.StartsWith("OBS_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }

        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    public static Task<ProcessOutcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
        => ProcessRunner.RunAsync(DotnetHost, [Dll, .. arguments], TimeSpan.FromMinutes(2), workingDirectory, environment ?? Environment());

    /// <summary>Runs the tool and sends it <paramref name="stop"/>'s signal once its stderr shows the line.</summary>
    public static Task<ProcessOutcome> RunUntilStoppedAsync(string workingDirectory, StopSignal stop, params string[] arguments)
        => ProcessRunner.RunAsync(DotnetHost, [Dll, .. arguments], TimeSpan.FromMinutes(2), workingDirectory, Environment(), stop);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Observability.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Observability.sln above {AppContext.BaseDirectory}.");
    }
}
