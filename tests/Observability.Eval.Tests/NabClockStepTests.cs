using System.Globalization;
using System.Text;
using Observability.Eval.Detectors;
using Observability.Eval.Nab;

namespace Observability.Eval.Tests;

/// <summary>Series whose clock steps back: read in file order, each row labelled by its own timestamp, never refused.</summary>
public sealed class NabClockStepTests : IDisposable
{
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nab-clock-tests-" + Guid.NewGuid().ToString("N"));

    public NabClockStepTests() => Directory.CreateDirectory(Path.Combine(_root, "data", "cat"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Row i is stamped Start + 5 min x Slot(i): at row 200 the clock steps back an hour (12 slots), so rows 200..211
    // repeat the timestamps of rows 188..199.
    private static int Slot(int row) => row < 200 ? row : row - 12;

    private static DateTime At(int slot) => Start.AddMinutes(5 * slot);

    [Fact]
    public void CsvReader_KeepsFileOrder_WhenTheClockStepsBack()
    {
        var path = WriteSeries("cat/step.csv", 400, i => i);

        var (times, values) = NabCsvReader.Read(path);

        Assert.Equal(400, times.Length);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (double)i), values);
        Assert.Equal(At(199), times[199]);
        Assert.Equal(At(188), times[200]); // the step back, kept where the file has it
        Assert.Equal(At(387), times[399]);
        Assert.Equal(1, NabRowLabels.BackwardSteps(times));
    }

    [Fact]
    public void Labels_EachRowByItsOwnTimestamp()
    {
        var times = Enumerable.Range(0, 400).Select(i => At(Slot(i))).ToArray();
        var warnings = new StringWriter(CultureInfo.InvariantCulture);

        // The window [slot 190, slot 205] holds rows 190..199 before the step and rows 202..217 after it; rows 200 and
        // 201 (slots 188, 189) lie between them in the file but before the window in time.
        var (windowOf, count) = NabRowLabels.Label("cat/step.csv", times, [(At(190), At(205))], warnings);

        Assert.Equal(1, count);
        var labelled = Enumerable.Range(0, 400).Where(i => windowOf[i] == 0).ToArray();
        Assert.Equal(Enumerable.Range(190, 10).Concat(Enumerable.Range(202, 16)), labelled);
        Assert.All(Enumerable.Range(0, 400).Except(labelled), i => Assert.Equal(-1, windowOf[i]));
        Assert.Equal(string.Empty, warnings.ToString());
    }

    [Fact]
    public void RowWeights_WindowSpansItsFirstToLastLabelledRow_AndUnlabelledRowsInsideAreFalsePositives()
    {
        // 40 rows, probation 6; window 0 labels rows 20..22 and 25..26 (rows 23, 24 stepped back before the window).
        var windowOf = Enumerable.Repeat(-1, 40).ToArray();
        foreach (var i in new[] { 20, 21, 22, 25, 26 })
        {
            windowOf[i] = 0;
        }

        var w = NabRowWeights.Create(windowOf, 1);

        Assert.Equal(1, w.WindowCount);
        Assert.Equal((0, 1.0), (w.WindowOf[20 - 6], Math.Round(w.Factor[20 - 6], 12))); // left edge of the span [20, 26]
        Assert.Equal((-1, -1.0), (w.WindowOf[23 - 6], w.Factor[23 - 6]));              // no window has ended yet: full cost
        // Row 25: y = -(26 - 25 + 1) / 7, S = 2 / (1 + e^(-10/7)) - 1 = 0.613357, / 0.986614 = 0.621679.
        Assert.Equal((0, 0.621679), (w.WindowOf[25 - 6], Math.Round(w.Factor[25 - 6], 6)));
        // Row 29: y = (29 - 26) / (7 - 1) = 0.5, S = -0.84828.
        Assert.Equal((-1, -0.84828), (w.WindowOf[29 - 6], Math.Round(w.Factor[29 - 6], 5)));
    }

    [Fact]
    public void EveryRegisteredDetector_TakesABackwardAndARepeatedTimestamp()
    {
        var times = new[] { 0, 1, 2, 3, 1, 1, 2, 4, 5, 6 }.Select(s => new DateTimeOffset(At(s), TimeSpan.Zero)).ToArray();
        foreach (var (name, create) in DetectorRegistry.All)
        {
            var detector = create();
            for (var round = 0; round < 60; round++)
            {
                for (var i = 0; i < times.Length; i++)
                {
                    var score = detector.Update(times[i] + TimeSpan.FromHours(round), (round * 10) + i == 450 ? 1000 : i % 3);
                    Assert.True(score is >= 0 and <= 1, $"{name} scored {score}");
                }
            }
        }
    }

    // The window [slot 190, slot 205] spans rows 190..217 of the file (width 28), without rows 200 and 201.
    // Spike at row 205 (slot 193, inside the window by its own timestamp): the only detection, y = -(217 - 205 + 1) / 28,
    // TP = S(-0.4643) / S(-1) = 0.83241; standard 100 x (0.83241 + 1) / 2 = 91.62, low FN 100 x (0.83241 + 2) / 3 = 94.41.
    // Spike at row 200 (slot 188, before the window in time though inside its span of rows): a false positive before
    // any window (-0.11) and a missed window, so detecting nothing is best: 0 on every profile.
    [Theory]
    [InlineData(205, "standard=91.62 reward_low_fp=91.62 reward_low_fn=94.41")]
    [InlineData(200, "standard=0.00 reward_low_fp=0.00 reward_low_fn=0.00")]
    public void Run_SeriesWithAClockStep_IsScoredNotRefused(int spikeRow, string expected)
    {
        WriteSeries("cat/step.csv", 400, i => i == spikeRow ? 500 : 10 + Math.Sin(i / 5.0));
        var labels = Path.Combine(_root, "labels.json");
        File.WriteAllText(labels, $$"""{ "cat/step.csv": [["{{At(190):yyyy-MM-dd HH:mm:ss}}.000000", "{{At(205):yyyy-MM-dd HH:mm:ss}}.000000"]] }""");
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);

        var code = EvalProgram.Run(["nab", "--data", Path.Combine(_root, "data"), "--labels", labels, "--detector", "default"], output, error);

        Assert.Equal(0, code);
        Assert.Contains("note: cat/step.csv: the timestamp steps back 1 time(s)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 files, 400 rows, 1 windows", output.ToString(), StringComparison.Ordinal);
        var last = output.ToString().TrimEnd().Split('\n')[^1].TrimEnd('\r');
        Assert.Equal("nab detector=default " + expected, last);
    }

    private string WriteSeries(string relative, int rows, Func<int, double> value)
    {
        var text = new StringBuilder("timestamp,value\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{At(Slot(i)):yyyy-MM-dd HH:mm:ss},{value(i)}\n");
        }

        var path = Path.Combine(_root, "data", relative);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
