using System.Reflection;

namespace Observability.Samples.Tests;

/// <summary>Where the repository and the built sample are, seen from the test assembly.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Observability.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The build configuration of this test assembly (Debug, Release), which the sample was built with too.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    /// <summary>The sample's built entry assembly.</summary>
    public static string SampleDll => Path.Combine(
        Root, "samples", "Observability.Samples.RolloutHealth", "bin", Configuration, "net10.0", "Observability.Samples.RolloutHealth.dll");

    /// <summary>The <c>dotnet</c> host: the one running <c>dotnet test</c> when known, else the one on the PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

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
