namespace Observability.Samples.Tests;

/// <summary>Runs the built RolloutHealth sample as <c>dotnet &lt;dll&gt; --output &lt;temp dir&gt; ...</c>.</summary>
internal sealed class SampleRun : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private SampleRun(string outputDirectory, ProcessOutcome outcome)
    {
        OutputDirectory = outputDirectory;
        Outcome = outcome;
    }

    /// <summary>The temporary directory passed as <c>--output</c>; deleted on dispose.</summary>
    public string OutputDirectory { get; }

    public ProcessOutcome Outcome { get; }

    public string JsonReportPath => Path.Combine(OutputDirectory, "health-report.json");

    public string MarkdownReportPath => Path.Combine(OutputDirectory, "health-report.md");

    public static async Task<SampleRun> StartAsync(IEnumerable<string>? extraArguments = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(RepositoryLayout.SampleDll), $"The sample is not built: {RepositoryLayout.SampleDll}");
        var output = Path.Combine(Path.GetTempPath(), "obs-sample-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);

        // Run from the temp directory so that nothing can land in the repository, and so
        // that the sample must find its own settings and data next to its binary.
        string[] arguments = [RepositoryLayout.SampleDll, "--output", output, .. extraArguments ?? []];
        var outcome = await ProcessRunner.RunAsync(RepositoryLayout.DotnetHost, arguments, Timeout, output, environment);
        return new SampleRun(output, outcome);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }
}
