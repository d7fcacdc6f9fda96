using Observability.Eval.Nab;

namespace Observability.Eval.Tests;

public sealed class NabScorerTests
{
    private static readonly NabProfile Standard = NabProfile.Defaults[0];

    // 40 rows: probation floor(0.15 * 40) = 6 rows; one window [20, 24] (width 5).
    private static NabRowWeights File40() => NabRowWeights.Create(40, [new NabWindow(20, 24)]);

    [Fact]
    public void RowWeights_FullCostBeforeWindow_TruePositiveInside_SoftenedAfter()
    {
        var w = File40();
        Assert.Equal(6, w.Probation);
        Assert.Equal(34, w.WindowOf.Length);
        Assert.Equal((-1, -1.0), (w.WindowOf[10 - 6], w.Factor[10 - 6])); // before the window: full -1
        Assert.Equal(0, w.WindowOf[22 - 6]);
        // Row 22: y = -(24 - 22 + 1) / 5 = -0.6, S = 2 / (1 + e^-3) - 1 = 0.905148, / 0.986614 = 0.917429.
        Assert.Equal(0.917429, w.Factor[22 - 6], 6);
        // Row 26: y = (26 - 24) / (5 - 1) = 0.5, S = -0.84828.
        Assert.Equal((-1, -0.84828), (w.WindowOf[26 - 6], Math.Round(w.Factor[26 - 6], 5)));
    }

    [Fact]
    public void Score_CountsOnlyTheBestDetectionPerWindowAndEveryFalsePositive()
    {
        var scores = new double[40];
        scores[3] = 1.0;  // probationary: never scored
        scores[10] = 0.9; // FP before the window: -0.11
        scores[20] = 0.8; // left edge: +1.0
        scores[22] = 0.95; // later in the same window: adds nothing once row 20 counts
        scores[26] = 0.7; // FP after the window: 0.11 x -0.84828 = -0.093311

        var at07 = NabScorer.Score(File40(), scores, 0.7, Standard);
        Assert.Equal(-0.11 + 1.0 - 0.093311, at07.Raw, 6); // 0.796689
        Assert.Equal(new NabFileScore(at07.Raw, 4, 1, 0, 2), at07);

        // At 0.85 only rows 10 and 22 detect: -0.11 + 0.917429.
        Assert.Equal(0.807429, NabScorer.Score(File40(), scores, 0.85, Standard).Raw, 6);

        // Nothing at or above 1.1: the window is missed (-A_FN).
        Assert.Equal(new NabFileScore(-1, 0, 0, 1, 0), NabScorer.Score(File40(), scores, 1.1, Standard));
    }

    [Fact]
    public void Score_DetectionIsScoreAtOrAboveThreshold()
    {
        var scores = new double[40];
        scores[20] = 0.5;
        Assert.Equal(1.0, NabScorer.Score(File40(), scores, 0.5, Standard).Raw, 12); // exactly at the threshold counts
        Assert.Equal(-1.0, NabScorer.Score(File40(), scores, 0.5000001, Standard).Raw, 12);
    }

    [Fact]
    public void Sweep_PicksTheBestCandidate()
    {
        var scores = new double[40];
        scores[10] = 0.9;
        scores[20] = 0.8;
        scores[22] = 0.95;
        scores[26] = 0.7;
        // Candidates: 1.1 -> -1; 0.95 -> 0.917429; 0.9 -> 0.807429; 0.8 -> 0.89; 0.7 -> 0.796689; 0 -> every row, far worse.
        var (threshold, raw) = NabScorer.Sweep([(File40(), scores)], Standard);
        Assert.Equal(0.95, threshold);
        Assert.Equal(0.917429, raw, 6);
    }

    [Fact]
    public void Sweep_OnATie_TheHigherThresholdWins()
    {
        var scores = new double[40];
        scores[20] = 0.9; // left edge: 1.0
        scores[22] = 0.8; // same window: at 0.8 the raw score is still 1.0
        var (threshold, raw) = NabScorer.Sweep([(File40(), scores)], Standard);
        Assert.Equal(0.9, threshold);
        Assert.Equal(1.0, raw, 12);
    }

    [Fact]
    public void Sweep_ChoosesOneThresholdForTheWholeCorpus_AndTheProfileMatters()
    {
        var a = new double[40];
        a[20] = 0.6; // file A: the window's left edge
        var b = new double[40];
        b[30] = 0.7; // file B (no window): one FP, full cost
        var files = new List<(NabRowWeights, double[])> { (File40(), a), (NabRowWeights.Create(40, []), b) };

        // Standard: 0.6 -> 1.0 - 0.11 = 0.89 beats 1.1 -> -1 and 0.7 -> -1.11.
        Assert.Equal((0.6, 0.89), Round(NabScorer.Sweep(files, Standard)));

        // A_FP = 2.5: 0.6 -> 1 - 2.5 = -1.5, worse than detecting nothing (-1).
        Assert.Equal((1.1, -1.0), Round(NabScorer.Sweep(files, new NabProfile("harsh", 1, 2.5, 1))));

        // Low-FN profile (A_FN = 2): detecting nothing costs -2; 0.6 still gives 0.89.
        Assert.Equal((0.6, 0.89), Round(NabScorer.Sweep(files, NabProfile.Defaults[2])));
    }

    [Fact]
    public void Sweep_EqualsTheSumOfPerFileScoresAtTheChosenThreshold()
    {
        var random = new Random(7);
        var files = Enumerable.Range(0, 5).Select(f =>
        {
            var w = NabRowWeights.Create(300, [new NabWindow(100 + f, 130 + f), new NabWindow(200, 240)]);
            return (w, Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray());
        }).ToList();
        var (threshold, raw) = NabScorer.Sweep(files, Standard);
        Assert.Equal(raw, files.Sum(f => NabScorer.Score(f.w, f.Item2, threshold, Standard).Raw), 9);
    }

    [Fact]
    public void Normalize_UsesNullAndPerfect()
    {
        Assert.Equal(70.10, NabEvaluator.Normalize(46.634, -116, 116), 2); // SCORING.md: 100 x 162.634 / 232
        Assert.Equal(50.0, NabEvaluator.Normalize(0, -73, 73), 12);
        Assert.Equal(100.0, NabEvaluator.Normalize(73, -146, 73), 12);
        Assert.Equal(0.0, NabEvaluator.Normalize(-146, -146, 73), 12);
        Assert.Equal(0.0, NabEvaluator.Normalize(5, 0, 0)); // no windows: defined as 0
    }

    [Fact]
    public void NullAndPerfect_ComeFromThisCorpus()
    {
        var series = new NabSeries("a/x.csv", new DateTime[40], new double[40], Labels(40, 20, 24), 1);
        var evaluator = new NabEvaluator([series, series with { RelativePath = "a/y.csv" }]);
        Assert.Equal(2, evaluator.WindowCount);
        Assert.Equal(2, evaluator.PerfectRaw(Standard));
        Assert.Equal(-2, evaluator.NullRaw(Standard)); // 0.5 everywhere costs 29 FPs per file: detecting nothing is better
        Assert.Equal(-4, evaluator.NullRaw(NabProfile.Defaults[2]));

        // A file that is nearly all window: the null detector's 0.5 beats "nothing".
        // 20 rows, probation 3, window [3, 18]: left edge earns 1.0; row 19 is an FP at y = 1/15: 0.11 x S(0.0667) = 0.11 x -0.165140 = -0.018165.
        var wide = new NabSeries("a/z.csv", new DateTime[20], new double[20], Labels(20, 3, 18), 1);
        Assert.Equal(1.0 - 0.018165, new NabEvaluator([wide]).NullRaw(Standard), 6);
    }

    private static int[] Labels(int rows, int first, int last) => Enumerable.Range(0, rows).Select(i => i >= first && i <= last ? 0 : -1).ToArray();

    private static (double, double) Round((double Threshold, double Raw) r) => (r.Threshold, Math.Round(r.Raw, 9));
}
