using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Observability.Eval.Tests;

public sealed partial class NabCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nab-eval-tests-" + Guid.NewGuid().ToString("N"));

    public NabCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data", "catA"));
        Directory.CreateDirectory(Path.Combine(_root, "data", "catB"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_TinyCorpus_PrintsTablesAndTheLastLine()
    {
        // catA/one.csv: 400 rows of a gentle wave, then a spike at row 300 inside the labelled window [290, 310].
        WriteSeries("catA/one.csv", 400, i => i == 300 ? 500 : 10 + Math.Sin(i / 5.0));
        WriteSeries("catB/two.csv", 300, i => 10 + Math.Sin(i / 7.0)); // no label entry
        var labels = WriteLabels("""{ "catA/one.csv": [["2020-01-02 00:10:00.000000", "2020-01-02 01:50:00.000000"]] }""");

        var (code, output, error) = Run("nab", "--data", Path.Combine(_root, "data"), "--labels", labels);

        Assert.Equal(0, code);
        Assert.Contains("catB/two.csv has no entry in the label file", error, StringComparison.Ordinal);
        Assert.Contains("2 files, 700 rows, 1 windows", output, StringComparison.Ordinal);
        Assert.Contains("detector windowed-gaussian", output, StringComparison.Ordinal);
        var last = output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.Matches(LastLine(), last);

        // The default detector meets the spike at row 300, out of the range seen before (score ~0.96), the first
        // detection in the window: y = -(310 - 300 + 1) / 21, TP = S(-0.5238) / S(-1) = 0.87588, and no false positive.
        // Standard: 100 x (0.87588 + 1) / 2 = 93.79.
        Assert.StartsWith("nab detector=default standard=93.79 ", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedRow_FailsNamingFileAndLine()
    {
        File.WriteAllText(Path.Combine(_root, "data", "catA", "bad.csv"), "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,abc\n");
        var labels = WriteLabels("{}");

        var (code, _, error) = Run("nab", "--data", Path.Combine(_root, "data"), "--labels", labels);

        Assert.Equal(1, code);
        Assert.Contains("bad.csv:3: 'abc' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFolderOrLabels_FailsWithAClearMessage()
    {
        var missingData = Run("nab", "--data", Path.Combine(_root, "nope"), "--labels", WriteLabels("{}"));
        Assert.Equal(1, missingData.Code);
        Assert.Contains("data folder", missingData.Error, StringComparison.Ordinal);

        var missingLabels = Run("nab", "--data", Path.Combine(_root, "data"), "--labels", Path.Combine(_root, "none.json"));
        Assert.Equal(1, missingLabels.Code);
        Assert.Contains("label file", missingLabels.Error, StringComparison.Ordinal);

        var noLabels = Run("nab", "--data", Path.Combine(_root, "data"));
        Assert.Equal(2, noLabels.Code);
        Assert.Contains("--labels", noLabels.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ProfilesFile_WithoutTheThreeProfiles_Fails()
    {
        WriteSeries("catA/one.csv", 100, i => i);
        var profiles = Path.Combine(_root, "profiles.json");
        File.WriteAllText(profiles, """{ "standard": { "CostMatrix": { "tpWeight": 1, "fpWeight": 0.11, "fnWeight": 1 } } }""");

        var (code, _, error) = Run("nab", "--data", Path.Combine(_root, "data"), "--labels", WriteLabels("{}"), "--profiles", profiles);

        Assert.Equal(1, code);
        Assert.Contains("reward_low_FP_rate, reward_low_FN_rate", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^nab detector=default standard=-?\d+\.\d\d reward_low_fp=-?\d+\.\d\d reward_low_fn=-?\d+\.\d\d$")]
    private static partial Regex LastLine();

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = EvalProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void WriteSeries(string relative, int rows, Func<int, double> value)
    {
        var text = new StringBuilder("timestamp,value\n");
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{value(i)}\n");
        }

        File.WriteAllText(Path.Combine(_root, "data", relative), text.ToString());
    }

    private string WriteLabels(string json)
    {
        var path = Path.Combine(_root, "labels.json");
        File.WriteAllText(path, json);
        return path;
    }
}
