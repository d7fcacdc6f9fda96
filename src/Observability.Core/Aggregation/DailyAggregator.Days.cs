using Observability.Internal;

namespace Observability;

/// <content>Aggregating a single day, or a series of days, in one call.</content>
public sealed partial class DailyAggregator
{
    /// <summary>The longest run of days <see cref="AggregateDays"/> fills, so that a stray timestamp cannot ask for centuries of empty days.</summary>
    public const int MaxDays = 366;

    /// <summary>Aggregates one day's snapshots and alerts.</summary>
    /// <param name="day">The UTC day.</param>
    /// <param name="snapshots">The day's snapshots, in any order; each must lie on <paramref name="day"/>.</param>
    /// <param name="alerts">The day's alerts, or <see langword="null"/>; each must lie on <paramref name="day"/>.</param>
    /// <param name="options">The targets and limits; the defaults when <see langword="null"/>.</param>
    /// <returns>The day's summary.</returns>
    public static DailySummary Aggregate(DateOnly day, IEnumerable<MetricSnapshot> snapshots, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var aggregator = new DailyAggregator(day, options);
        foreach (var snapshot in snapshots)
        {
            aggregator.Add(snapshot);
        }

        foreach (var alert in alerts ?? [])
        {
            aggregator.Add(alert);
        }

        return aggregator.Build();
    }

    /// <summary>
    /// Splits snapshots and alerts by UTC day and aggregates each day, from the earliest to the latest
    /// day seen. A day in between without anything gets a summary without data (completeness 0).
    /// Input may be in any order; sorted input is fastest.
    /// </summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="alerts">The alerts, or <see langword="null"/>.</param>
    /// <param name="options">The targets and limits; the defaults when <see langword="null"/>.</param>
    /// <returns>One summary per day, oldest first, numbered from 1; empty when there is no input.</returns>
    /// <exception cref="ArgumentException">The input spans more than <see cref="MaxDays"/> days.</exception>
    public static IReadOnlyList<DailySummary> AggregateDays(IEnumerable<MetricSnapshot> snapshots, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var settings = new DailySettings(options, nameof(options));
        var days = new Dictionary<DateOnly, DailyAggregator>();
        DailyAggregator? current = null;
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            current = For(snapshot.Timestamp, current, days, settings);
            current.Add(snapshot);
        }

        current = null;
        foreach (var alert in alerts ?? [])
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            current = For(alert.Timestamp, current, days, settings);
            current.Add(alert);
        }

        if (days.Count == 0)
        {
            return [];
        }

        var first = days.Keys.Min();
        var last = days.Keys.Max();
        var span = last.DayNumber - first.DayNumber + 1;
        if (span > MaxDays)
        {
            throw new ArgumentException($"The snapshots and alerts span {span} days, from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; at most {MaxDays} can be aggregated at once. Check for a stray timestamp.", nameof(snapshots));
        }

        var summaries = new DailySummary[span];
        for (var i = 0; i < span; i++)
        {
            var day = first.AddDays(i);
            summaries[i] = (days.TryGetValue(day, out var aggregator) ? aggregator : new DailyAggregator(day, settings, i + 1)).Build(i + 1);
        }

        return summaries;
    }

    private static DailyAggregator For(DateTimeOffset timestamp, DailyAggregator? current, Dictionary<DateOnly, DailyAggregator> days, DailySettings settings)
    {
        var day = DateOnly.FromDateTime(timestamp.UtcDateTime);
        if (current is not null && current.Day == day)
        {
            return current;
        }

        if (!days.TryGetValue(day, out var aggregator))
        {
            aggregator = new DailyAggregator(day, settings, 1);
            days.Add(day, aggregator);
        }

        return aggregator;
    }
}
