namespace Observability.Eval.Nab;

/// <summary>Scores anomaly scores against labelled windows (SCORING.md sections 6 and 7).</summary>
internal static class NabScorer
{
    /// <summary>The candidate threshold that means "detect nothing".</summary>
    public const double NoDetectionThreshold = 1.1;

    /// <summary>
    /// Scores one file at threshold <paramref name="threshold"/>: a scorable row with score &gt;= threshold is a detection;
    /// each window earns its best detection's A_TP x factor or costs A_FN; each detection outside a window adds A_FP x factor.
    /// </summary>
    /// <param name="weights">The file's row weights.</param>
    /// <param name="scores">One anomaly score per row of the file, probationary rows included.</param>
    /// <param name="threshold">The detection threshold.</param>
    /// <param name="profile">The cost profile.</param>
    public static NabFileScore Score(NabRowWeights weights, IReadOnlyList<double> scores, double threshold, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(profile);
        if (scores.Count != weights.Rows)
        {
            throw new ArgumentException($"Expected {weights.Rows} scores, one per row, but got {scores.Count}.", nameof(scores));
        }

        var best = new double[weights.WindowCount];
        var detected = new bool[weights.WindowCount];
        double falsePositives = 0;
        int detections = 0, fpCount = 0;
        for (var j = 0; j < weights.WindowOf.Length; j++)
        {
            if (!(scores[j + weights.Probation] >= threshold))
            {
                continue;
            }

            detections++;
            var window = weights.WindowOf[j];
            if (window < 0)
            {
                fpCount++;
                falsePositives += profile.FalsePositiveWeight * weights.Factor[j];
            }
            else if (!detected[window] || weights.Factor[j] > best[window])
            {
                detected[window] = true;
                best[window] = weights.Factor[j];
            }
        }

        double raw = falsePositives;
        var hits = 0;
        for (var k = 0; k < weights.WindowCount; k++)
        {
            raw += detected[k] ? profile.TruePositiveWeight * best[k] : -profile.FalseNegativeWeight;
            hits += detected[k] ? 1 : 0;
        }

        return new NabFileScore(raw, detections, hits, weights.WindowCount - hits, fpCount);
    }

    /// <summary>
    /// Finds the one corpus-wide threshold with the highest raw score: the candidates are 1.1 (detect nothing) and every
    /// distinct score on a scorable row, swept from the highest down; on a tie the higher threshold wins.
    /// </summary>
    /// <param name="files">Each file's row weights with its per-row anomaly scores.</param>
    /// <param name="profile">The cost profile.</param>
    /// <returns>The chosen threshold and the corpus raw score at it.</returns>
    public static (double Threshold, double Raw) Sweep(IReadOnlyList<(NabRowWeights Weights, double[] Scores)> files, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profile);
        return new NabSweepRows(files).Sweep(profile);
    }
}
