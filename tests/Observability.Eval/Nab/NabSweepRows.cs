namespace Observability.Eval.Nab;

/// <summary>
/// Every scorable row of a corpus sorted by anomaly score, highest first, so that a threshold sweep is one pass
/// (sort once, sweep once per profile).
/// </summary>
internal sealed class NabSweepRows
{
    private readonly double[] _scores;
    private readonly int[] _windows;
    private readonly double[] _factors;
    private readonly int _windowCount;

    /// <summary>Raw scores closer than this are a tie (sums in a different order differ in the last bits).</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Collects and sorts the scorable rows of <paramref name="files"/>.</summary>
    public NabSweepRows(IReadOnlyList<(NabRowWeights Weights, double[] Scores)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var total = 0;
        foreach (var (weights, scores) in files)
        {
            if (scores.Length != weights.Rows)
            {
                throw new ArgumentException($"Expected {weights.Rows} scores, one per row, but got {scores.Length}.", nameof(files));
            }

            total += weights.WindowOf.Length;
        }

        var keys = new double[total];
        var order = new int[total];
        _scores = new double[total];
        _windows = new int[total];
        _factors = new double[total];
        int n = 0, windowBase = 0;
        foreach (var (weights, scores) in files)
        {
            for (var j = 0; j < weights.WindowOf.Length; j++, n++)
            {
                _scores[n] = scores[j + weights.Probation];
                _windows[n] = weights.WindowOf[j] < 0 ? -1 : windowBase + weights.WindowOf[j];
                _factors[n] = weights.Factor[j];
                keys[n] = -_scores[n];
                order[n] = n;
            }

            windowBase += weights.WindowCount;
        }

        _windowCount = windowBase;
        Array.Sort(keys, order);
        _scores = Permute(_scores, order);
        _windows = Permute(_windows, order);
        _factors = Permute(_factors, order);
    }

    /// <summary>Gets the total number of windows in the corpus.</summary>
    public int WindowCount => _windowCount;

    /// <summary>Sweeps the thresholds for one profile; see <see cref="NabScorer.Sweep"/>.</summary>
    public (double Threshold, double Raw) Sweep(NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var best = new double[_windowCount];
        var detected = new bool[_windowCount];
        var raw = -profile.FalseNegativeWeight * _windowCount;
        double bestRaw = raw, bestThreshold = NabScorer.NoDetectionThreshold;
        var i = 0;
        while (i < _scores.Length)
        {
            var threshold = _scores[i];
            for (; i < _scores.Length && _scores[i] == threshold; i++)
            {
                var window = _windows[i];
                if (window < 0)
                {
                    raw += profile.FalsePositiveWeight * _factors[i];
                }
                else if (!detected[window])
                {
                    detected[window] = true;
                    best[window] = _factors[i];
                    raw += profile.FalseNegativeWeight + (profile.TruePositiveWeight * _factors[i]);
                }
                else if (_factors[i] > best[window])
                {
                    raw += profile.TruePositiveWeight * (_factors[i] - best[window]);
                    best[window] = _factors[i];
                }
            }

            if (raw > bestRaw + TieTolerance)
            {
                bestRaw = raw;
                bestThreshold = threshold;
            }
        }

        return (bestThreshold, bestRaw);
    }

    private static T[] Permute<T>(T[] source, int[] order)
    {
        var result = new T[source.Length];
        for (var k = 0; k < order.Length; k++)
        {
            result[k] = source[order[k]];
        }

        return result;
    }
}
