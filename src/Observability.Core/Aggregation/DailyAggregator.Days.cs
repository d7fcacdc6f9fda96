using Observability.Internal;

namespace Observability;

/// <content>Aggregating a single day, or a series of days, in one call.</content>
public sealed partial class DailyAggregator
{
    /// <summary>The longest run of days <see cref="AggregateDays(IEnumerable{MetricSnapshot}, IEnumerable{Alert}?, DailyAggregationOptions?)"/> fills, so that a stray timestamp cannot ask for centuries of empty days.</summary>
    public const int MaxDays = 366;

    /// <summary>Aggregates one UTC calendar day's snapshots and alerts.</summary>
    /// <param name="day">The UTC day.</param>
    /// <param name="snapshots">The day's snapshots; each must lie on <paramref name="day"/>. Judged in time order.</param>
    /// <param name="alerts">Alerts raised during the day besides those its ticks fire, or <see langword="null"/>.</param>
    /// <param name="options">The thresholds, interval and baseline; the defaults when <see langword="null"/>.</param>
    /// <returns>The day's summary.</returns>
    public static DailySummary Aggregate(DateOnly day, IEnumerable<MetricSnapshot> snapshots, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var aggregator = new DailyAggregator(day, options);
        foreach (var snapshot in snapshots.OrderBy(static s => s?.Timestamp ?? DateTimeOffset.MinValue))
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
    /// Splits snapshots into days by elapsed hours from the earliest snapshot (day = elapsed hours / 24 + 1,
    /// as the 7-day monitor defines it) and aggregates each, judging every snapshot in time order.
    /// </summary>
    /// <param name="snapshots">The snapshots, in any order.</param>
    /// <param name="alerts">Alerts raised besides those the ticks fire, or <see langword="null"/>.</param>
    /// <param name="options">The thresholds, interval and baseline; the defaults when <see langword="null"/>.</param>
    /// <returns>One summary per day, oldest first, numbered from 1; empty when there is no snapshot.</returns>
    /// <exception cref="ArgumentException">The input spans more than <see cref="MaxDays"/> days.</exception>
    public static IReadOnlyList<DailySummary> AggregateDays(IEnumerable<MetricSnapshot> snapshots, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var list = Sorted(snapshots);
        var alertList = alerts?.ToList() ?? [];
        if (list.Count == 0)
        {
            return [];
        }

        // Alerts may extend the period, before the first snapshot or after the last.
        var first = alertList.Where(static a => a is not null).Select(static a => a.Timestamp).Append(list[0].Timestamp).Min();
        var last = alertList.Where(static a => a is not null).Select(static a => a.Timestamp).Append(list[^1].Timestamp).Max();
        var span = ((last - first).Ticks / TimeSpan.TicksPerDay) + 1;
        if (span > MaxDays)
        {
            throw new ArgumentException($"The snapshots and alerts span {span} days, from {first.UtcDateTime:yyyy-MM-dd} to {last.UtcDateTime:yyyy-MM-dd}; at most {MaxDays} can be aggregated at once. Check for a stray timestamp.", nameof(snapshots));
        }

        return AggregateDays(list, new CollectionWindow(first, last.AddTicks(1)), alertList, options);
    }

    /// <summary>
    /// Aggregates the days of a period: day N covers [start + (N - 1) x 24 h, start + N x 24 h), every day
    /// of the period gets a summary (one without data has completeness 0), and every snapshot is judged
    /// in time order with the thresholds of <paramref name="options"/>.
    /// </summary>
    /// <param name="snapshots">The snapshots, in any order; each must lie in <paramref name="period"/>.</param>
    /// <param name="period">The period; its start is day 1's start.</param>
    /// <param name="alerts">Alerts raised besides those the ticks fire, or <see langword="null"/>; each must lie in the period.</param>
    /// <param name="options">The thresholds, interval and baseline; the defaults when <see langword="null"/>.</param>
    /// <returns>One summary per day of the period, oldest first, numbered from 1.</returns>
    /// <exception cref="ArgumentException">A snapshot or alert lies outside the period, or the period spans more than <see cref="MaxDays"/> days.</exception>
    public static IReadOnlyList<DailySummary> AggregateDays(IEnumerable<MetricSnapshot> snapshots, CollectionWindow period, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var settings = new DailySettings(options, nameof(options));
        var span = (int)Math.Min(int.MaxValue, (period.Duration.Ticks + TimeSpan.TicksPerDay - 1) / TimeSpan.TicksPerDay);
        if (span > MaxDays)
        {
            throw new ArgumentException($"The period from {Figures.Time(period.Start)} to {Figures.Time(period.End)} spans {span} days; at most {MaxDays} can be aggregated at once. Check for a stray timestamp.", nameof(period));
        }

        var judge = new TickJudge(settings.Thresholds);
        var days = new DailyAggregator[Math.Max(1, span)];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = new DailyAggregator(ElapsedDays.Start(period.Start, i), settings, i + 1, judge);
        }

        // One snapshot at a time: its facts live only as long as its tick's judgement.
        MetricSnapshot? previous = null;
        foreach (var snapshot in Sorted(snapshots))
        {
            var fact = SnapshotFacts.Of(snapshot, previous, settings.Classifier, settings.Thresholds);
            previous = snapshot;
            days[DayIndex(period, fact.Timestamp, "snapshot", nameof(snapshots))].Add(fact, judge.Judge(fact));
        }

        foreach (var alert in alerts ?? [])
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            days[DayIndex(period, alert.Timestamp, "alert", nameof(alerts))].Add(alert);
        }

        return [.. days.Select(static d => d.Build())];
    }

    private static int DayIndex(CollectionWindow period, DateTimeOffset time, string what, string parameterName)
        => period.Contains(time)
            ? ElapsedDays.Index(period.Start, time)
            : throw new ArgumentException($"The {what} at {Figures.Time(time)} lies outside the period [{Figures.Time(period.Start)}, {Figures.Time(period.End)}).", parameterName);

    private static List<MetricSnapshot> Sorted(IEnumerable<MetricSnapshot> snapshots)
    {
        var list = new List<MetricSnapshot>();
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            list.Add(snapshot);
        }

        // Usually in time order already; otherwise a stable sort (snapshots with equal timestamps keep their input order).
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Timestamp < list[i - 1].Timestamp)
            {
                return [.. list.OrderBy(static s => s.Timestamp)];
            }
        }

        return list;
    }
}
