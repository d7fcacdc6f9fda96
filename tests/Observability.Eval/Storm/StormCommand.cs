using System.Globalization;

namespace Observability.Eval.Storm;

/// <summary>
/// <c>storm --alertmanager &lt;url&gt; [--sizes 1000,10000,40000] [--runs 3]</c>: the library (in process, no-op sink) and a real
/// Alertmanager (loopback HTTP, batches of 100) take the same storms of distinct alerts and then the same alerts again, and
/// the medians of the runs are printed side by side, one line per size and kind, then
/// <c>storm min_ratio=&lt;x&gt; flat=&lt;y&gt;</c>.
/// </summary>
/// <remarks>
/// Warm-up, discarded: the library runs every size three times, with a pause of a second after each round, so that the JIT's
/// tier-1 code (compiled in the background after a method's first 30 calls and a 100 ms delay) is in place before the first
/// measured size and the small storms are not charged for tier-0 code (on this machine the first 1,000-alert storm took
/// 93 ms, the second 29 ms, the measured ones 3.6-3.9 ms); Alertmanager takes one storm of the smallest size
/// and its repeats. Each measured run then does the library's storm and repeats, then Alertmanager's, so load on the
/// machine falls on both alike.
/// </remarks>
internal static class StormCommand
{
    private const int WarmupRounds = 3;
    private static readonly TimeSpan TierUpPause = TimeSpan.FromSeconds(1);

    /// <summary>Runs the comparison; returns 0, or throws <see cref="StormException"/> when a side cannot be measured.</summary>
    public static async Task<int> RunAsync(StormArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        using var alertmanager = new AlertmanagerStorm(arguments.Alertmanager);
        await alertmanager.ProbeAsync(cancellationToken).ConfigureAwait(false);
        error.WriteLine($"storm: Alertmanager at {StormArguments.HostAndPort(arguments.Alertmanager)}, run label {StormAlerts.RunLabel}=*-{id}; warming up");

        for (var round = 0; round < WarmupRounds; round++)
        {
            foreach (var size in arguments.Sizes)
            {
                await LibraryStorm.RunAsync(StormAlerts.ForLibrary(size, $"warmup{round}-{id}"), size, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(TierUpPause, cancellationToken).ConfigureAwait(false);
        }

        var warmup = StormAlerts.ForAlertmanager(arguments.Sizes.Min(), $"warmup-{id}", TimeProvider.System.GetUtcNow());
        await alertmanager.PostAsync(warmup, cancellationToken).ConfigureAwait(false);
        await alertmanager.PostAsync(warmup, cancellationToken).ConfigureAwait(false);

        var lines = new List<StormLine>();
        foreach (var size in arguments.Sizes)
        {
            var times = new TimeSpan[4][];
            for (var kind = 0; kind < times.Length; kind++)
            {
                times[kind] = new TimeSpan[arguments.Runs];
            }

            for (var run = 0; run < arguments.Runs; run++)
            {
                var label = string.Create(CultureInfo.InvariantCulture, $"d{size}-r{run}-{id}");
                (times[0][run], times[1][run]) = await LibraryStorm.RunAsync(StormAlerts.ForLibrary(size, label), size, cancellationToken).ConfigureAwait(false);
                var batches = StormAlerts.ForAlertmanager(size, label, TimeProvider.System.GetUtcNow());
                times[2][run] = await alertmanager.PostAsync(batches, cancellationToken).ConfigureAwait(false);
                times[3][run] = await alertmanager.PostAsync(batches, cancellationToken).ConfigureAwait(false);
            }

            var storm = new StormLine("storm", size, Median(times[0]), Median(times[2]));
            var repeats = new StormLine("repeats", size, Median(times[1]), Median(times[3]));
            output.WriteLine(storm.Format());
            output.WriteLine(repeats.Format());
            lines.Add(storm);
            lines.Add(repeats);
        }

        output.WriteLine(Summary(lines));
        return 0;
    }

    /// <summary>
    /// The last line: the smallest ratio of all lines, and how flat the library's cost per alert is (for each kind, the largest
    /// cost per alert across sizes over the smallest; the worse kind).
    /// </summary>
    internal static string Summary(IReadOnlyList<StormLine> lines)
    {
        var minRatio = lines.Min(line => line.Ratio);
        var flat = lines.GroupBy(line => line.Kind, StringComparer.Ordinal)
            .Max(kind => kind.Max(line => line.LibraryMicrosecondsPerAlert) / kind.Min(line => line.LibraryMicrosecondsPerAlert));
        return string.Create(CultureInfo.InvariantCulture, $"storm min_ratio={minRatio:F2} flat={flat:F2}");
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    internal static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
