namespace Observability.Providers.CiLogs.Tests;

/// <summary>Paths of the real fixtures copied from /work/shared/fixtures/ci-logs (see tests/Fixtures/ci-logs/INDEX.md).</summary>
internal static class CiFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ci-logs");

    public static string ErrorLog1 => Path.Combine(Root, "error_log1.full-job-log.failing.txt");

    public static string Log5Success => Path.Combine(Root, "experimental.log5_success.txt");

    public static string RunLogZip => Path.Combine(Root, "zip", "run_log.zip");

    public static string Classify(string name) => Path.Combine(Root, "classify", name + ".txt");

    public static string TestResult(string name) => Path.Combine(Root, "test-results", name);

    public static CiLogAnalysis Parse(string path, CiLogParser? parser = null)
    {
        using var stream = File.OpenRead(path);
        return (parser ?? CiLogParser.Default).Parse(stream, Path.GetFileName(path));
    }
}
