namespace Observability.Benchmarks;

/// <summary>Finds the sample data sets shipped in the repository.</summary>
internal static class SampleData
{
    private const string SolutionFile = "Observability.sln";

    /// <summary>Gets the path of the 7-day checkout data set (336 snapshots, one every 30 minutes).</summary>
    public static string Checkout7d => Path.Combine(RepositoryRoot(), "samples", "Observability.Samples.RolloutHealth", "data", "checkout-7d.csv");

    /// <summary>The window the data set covers: [2025-11-15T00:00Z, 2025-11-22T00:00Z).</summary>
    public static CollectionWindow Checkout7dWindow { get; } = new(
        new DateTimeOffset(2025, 11, 15, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 11, 22, 0, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Walks up from the benchmark's output folder (BenchmarkDotNet runs each benchmark in a child
    /// process built under bin/) to the folder holding the solution file.
    /// </summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}: run the benchmarks from inside the repository.");
    }
}
