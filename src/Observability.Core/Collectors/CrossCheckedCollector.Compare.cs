using System.Globalization;
using Observability.Internal;

namespace Observability;

/// <summary>Comparing a source with the trusted one, metric by metric.</summary>
public sealed partial class CrossCheckedCollector
{
    /// <summary>Compares every metric <paramref name="other"/> shares with the trusted means and adds each one outside its tolerance.</summary>
    /// <returns>How many metrics were compared.</returns>
    private int Compare(string trustedSource, Dictionary<string, double> trusted, CollectionResult other, List<CrossCheckDiscrepancy> discrepancies)
    {
        var theirs = Means(other.Snapshots);
        var compared = 0;
        foreach (var (metric, a) in trusted.OrderBy(static m => m.Key, StringComparer.Ordinal))
        {
            if (!theirs.TryGetValue(metric, out var b))
            {
                continue;
            }

            compared++;
            var difference = Math.Abs(a - b);
            var tolerance = _options.ToleranceOf(metric);
            var allowed = tolerance.Allowed(a, b);
            if (difference > allowed)
            {
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{metric}: {trustedSource} reports {a:0.######}, {other.CollectorName} reports {b:0.######}; the difference {difference:0.######} exceeds the {allowed:0.######} allowed (tolerance {tolerance.Relative:0.######} relative, {tolerance.Absolute:0.######} absolute). {trustedSource} (higher priority) is trusted.");
                discrepancies.Add(new CrossCheckDiscrepancy(metric, trustedSource, a, other.CollectorName, b, difference, allowed, tolerance, message));
            }
        }

        return compared;
    }

    /// <summary>The mean of each metric over the usable, not all-zero snapshots; non-finite values are left out.</summary>
    private static Dictionary<string, double> Means(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            if (!snapshot.Quality.IsUsable || SnapshotMath.AllZero(snapshot))
            {
                continue;
            }

            foreach (var (metric, value) in snapshot.Metrics)
            {
                if (double.IsFinite(value))
                {
                    var (sum, count) = sums.GetValueOrDefault(metric);
                    sums[metric] = (sum + value, count + 1);
                }
            }
        }

        return sums.ToDictionary(static p => p.Key, static p => p.Value.Sum / p.Value.Count, StringComparer.Ordinal);
    }
}
