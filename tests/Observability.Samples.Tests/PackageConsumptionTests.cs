using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Observability.Samples.Tests;

/// <summary>
/// Consumes the packed packages from the repository's local feed (<c>artifacts/packages</c>,
/// declared in nuget.config) exactly as a user project would: package references only,
/// outside the repository's build and version settings.
/// </summary>
public sealed partial class PackageConsumptionTests
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    // The packages a consumer of Observability.Core needs, plus the fakes package once it exists.
    private static readonly string[] PackedProjects = ["Observability.Abstractions", "Observability.Core", "Observability.Testing"];

    // Variables `dotnet test` hands to its children that would point a nested build at the outer one.
    private static readonly Dictionary<string, string?> CleanBuildEnvironment = new(StringComparer.Ordinal)
    {
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
        ["VSTEST_HOST_DEBUG"] = null,
    };

    [Fact]
    [Trait("Category", "Package")]
    public async Task DotnetRun_ConsumerOfLocalPackages_RunsAPassAndPrintsTheDecision()
    {
        var feed = Path.Combine(RepositoryLayout.Root, "artifacts", "packages");
        await EnsurePackedAsync(feed);
        var version = CoreVersion(feed);

        var consumer = Path.Combine(RepositoryLayout.Root, "artifacts", "consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(consumer);
        try
        {
            WriteConsumer(consumer, version);
            var outcome = await ProcessRunner.RunAsync(
                RepositoryLayout.DotnetHost, ["run", "--project", Path.Combine(consumer, "Consumer.csproj")], RunTimeout, consumer, CleanBuildEnvironment);

            Assert.True(outcome.ExitCode == 0, outcome.ToString());
            Assert.Contains("decision=Proceed snapshots=4 usable=4", outcome.Stdout, StringComparison.Ordinal);

            // Restored from the local feed into the consumer's own folder, not from a cache.
            var restored = Path.Combine(consumer, "packages", "observability.core", version);
            Assert.True(Directory.Exists(restored), $"Observability.Core {version} was not restored into {restored}.\n{outcome}");
        }
        finally
        {
            Directory.Delete(consumer, recursive: true);
        }
    }

    /// <summary>Packs the packages when the feed has none, or when a project's sources are newer than its package.</summary>
    private static async Task EnsurePackedAsync(string feed)
    {
        Directory.CreateDirectory(feed);
        foreach (var name in PackedProjects)
        {
            var project = Path.Combine(RepositoryLayout.Root, "src", name, name + ".csproj");
            if (!File.Exists(project) || IsFresh(feed, name, Path.GetDirectoryName(project)!))
            {
                continue;
            }

            var outcome = await ProcessRunner.RunAsync(
                RepositoryLayout.DotnetHost, ["pack", project, "-c", "Release", "-o", feed], PackTimeout, RepositoryLayout.Root, CleanBuildEnvironment);
            Assert.True(outcome.ExitCode == 0, $"dotnet pack {name} failed: {outcome}");
        }
    }

    private static bool IsFresh(string feed, string name, string projectDirectory)
    {
        var packages = Packages(feed, name).ToList();
        if (packages.Count == 0)
        {
            return false;
        }

        var packed = packages.Max(p => File.GetLastWriteTimeUtc(p.Path));
        var newestSource = Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(projectDirectory, f))
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();
        return packed >= newestSource;
    }

    private static bool IsBuildOutput(string projectDirectory, string file)
    {
        var relative = Path.GetRelativePath(projectDirectory, file);
        return relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string CoreVersion(string feed)
    {
        var packages = Packages(feed, "Observability.Core").ToList();
        Assert.True(packages.Count > 0, $"No Observability.Core package in {feed}.");
        return packages.OrderByDescending(p => File.GetLastWriteTimeUtc(p.Path)).First().Version;
    }

    private static IEnumerable<(string Path, string Version)> Packages(string feed, string id)
    {
        foreach (var path in Directory.EnumerateFiles(feed, id + ".*.nupkg"))
        {
            // "Observability.Core.0.1.0.nupkg" but not "Observability.Core.Extras.0.1.0.nupkg" or a .snupkg.
            var match = PackageVersion().Match(Path.GetFileNameWithoutExtension(path)[(id.Length + 1)..]);
            if (match.Success)
            {
                yield return (path, match.Value);
            }
        }
    }

    private static void WriteConsumer(string directory, string version)
    {
        // Stop the repository's build settings and central versions at this folder.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");

        var csproj = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", "net10.0"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("Nullable", "enable"),
                new XElement("IsPackable", "false"),
                // A fresh folder: a stale global-cache copy of the same version cannot be used.
                new XElement("RestorePackagesPath", "$(MSBuildThisFileDirectory)packages")),
            new XElement(
                "ItemGroup",
                new XElement("PackageReference", new XAttribute("Include", "Observability.Core"), new XAttribute("Version", $"[{version}]")),
                new XElement(
                    "PackageReference",
                    new XAttribute("Include", "Microsoft.Extensions.DependencyInjection"),
                    new XAttribute("Version", CentralVersion("Microsoft.Extensions.DependencyInjection")))));
        csproj.Save(Path.Combine(directory, "Consumer.csproj"));

        File.WriteAllText(Path.Combine(directory, "Program.cs"), ConsumerProgram);
    }

    /// <summary>A version from the repository's Directory.Packages.props, the only place versions are written.</summary>
    private static string CentralVersion(string id)
    {
        var props = XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
            .Single(e => string.Equals((string?)e.Attribute("Include"), id, StringComparison.OrdinalIgnoreCase))
            .Attribute("Version")!.Value;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex PackageVersion();

    private const string ConsumerProgram = """
        using Microsoft.Extensions.DependencyInjection;
        using Observability;

        var csv = Path.Combine(AppContext.BaseDirectory, "tiny.csv");
        File.WriteAllLines(csv,
        [
            "timestamp,availability,error_rate,request_count,job_count,error_count,latency_p95_ms,latency_p99_ms",
            "2025-11-21T22:00:00Z,0.9995,0.0005,4000,50,2,150,300",
            "2025-11-21T22:30:00Z,0.9995,0.0005,4000,50,2,150,300",
            "2025-11-21T23:00:00Z,0.9995,0.0005,4000,50,2,150,300",
            "2025-11-21T23:30:00Z,0.9995,0.0005,4000,50,2,150,300",
        ]);

        var services = new ServiceCollection();
        services.AddObservability(o =>
            {
                o.ServiceName = "consumer";
                o.LookbackWindow = TimeSpan.FromHours(2);
                o.EvaluationWindow = TimeSpan.FromHours(1);
            })
            .AddFileCollector(o => o.Path = csv);

        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IHealthMonitor>();
        var end = new DateTimeOffset(2025, 11, 22, 0, 0, 0, TimeSpan.Zero);
        var result = await monitor.RunOnceAsync(new CollectionWindow(end.AddHours(-2), end));
        var quality = result.Report.DataQuality;
        Console.WriteLine($"decision={result.Verdict.Decision} snapshots={quality.Total} usable={quality.Usable}");
        """;
}
