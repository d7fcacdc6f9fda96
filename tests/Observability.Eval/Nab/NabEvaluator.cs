namespace Observability.Eval.Nab;

/// <summary>Runs detectors causally over a corpus and scores them with NAB's rules.</summary>
internal sealed class NabEvaluator
{
    private readonly IReadOnlyList<NabSeries> _corpus;
    private readonly NabRowWeights[] _weights;
    private readonly Lazy<NabSweepRows> _nullRows;

    /// <summary>Prepares the row weights of <paramref name="corpus"/>.</summary>
    public NabEvaluator(IReadOnlyList<NabSeries> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _corpus = corpus;
        _weights = corpus.Select(s => NabRowWeights.Create(s.WindowOf, s.WindowCount)).ToArray();
        _nullRows = new Lazy<NabSweepRows>(() => new NabSweepRows(_weights.Select(w => (w, Enumerable.Repeat(0.5, w.Rows).ToArray())).ToList()));
    }

    /// <summary>Gets the number of windows in the corpus.</summary>
    public int WindowCount => _weights.Sum(w => w.WindowCount);

    /// <summary>Gets the raw score of a perfect detector for <paramref name="profile"/>: A_TP per window.</summary>
    public double PerfectRaw(NabProfile profile) => profile.TruePositiveWeight * WindowCount;

    /// <summary>Gets the raw score of NAB's null detector (0.5 on every row) at its own best threshold.</summary>
    public double NullRaw(NabProfile profile) => _nullRows.Value.Sweep(profile).Raw;

    /// <summary>Runs a fresh detector from <paramref name="create"/> over every row of every series, in order.</summary>
    /// <returns>One score array per series, in corpus order.</returns>
    public double[][] Run(string name, Func<IAnomalyDetector> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var scores = new double[_corpus.Count][];
        for (var f = 0; f < _corpus.Count; f++)
        {
            var series = _corpus[f];
            var detector = create();
            var output = new double[series.Length];
            for (var i = 0; i < series.Length; i++)
            {
                var score = detector.Update(new DateTimeOffset(series.Timestamps[i], TimeSpan.Zero), series.Values[i]);
                if (!(score >= 0 && score <= 1))
                {
                    throw new InvalidOperationException($"Detector '{name}' returned {score} for {series.RelativePath} row {i + 1}; scores must lie in [0, 1].");
                }

                output[i] = score;
            }

            scores[f] = output;
        }

        return scores;
    }

    /// <summary>Scores one detector's per-row <paramref name="scores"/> for every profile.</summary>
    public IReadOnlyList<NabDetectorResult> Score(double[][] scores, IReadOnlyList<NabProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(profiles);
        var rows = new NabSweepRows(_weights.Select((w, f) => (w, scores[f])).ToList());
        var results = new List<NabDetectorResult>(profiles.Count);
        foreach (var profile in profiles)
        {
            var (threshold, raw) = rows.Sweep(profile);
            var totals = default(NabFileScore);
            for (var f = 0; f < _weights.Length; f++)
            {
                totals += NabScorer.Score(_weights[f], scores[f], threshold, profile);
            }

            if (Math.Abs(totals.Raw - raw) > 1e-6)
            {
                throw new InvalidOperationException($"Internal error: the sweep's raw score {raw} differs from the re-scored {totals.Raw} for profile {profile.Name}.");
            }

            results.Add(new NabDetectorResult(profile, threshold, totals, Normalize(totals.Raw, NullRaw(profile), PerfectRaw(profile))));
        }

        return results;
    }

    /// <summary>100 x (raw - null) / (perfect - null); 0 when perfect equals null (a corpus without windows).</summary>
    public static double Normalize(double raw, double nullRaw, double perfectRaw) =>
        perfectRaw == nullRaw ? 0 : 100.0 * (raw - nullRaw) / (perfectRaw - nullRaw);
}
