using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>The state of one stability run: the open days, the closed ones, the findings and counters.</summary>
internal sealed partial class StabilityRunState
{
    private const string DiscrepancyRule = "cross_check_discrepancy";

    private readonly SortedDictionary<DateOnly, StabilityDayState> _open = [];
    private readonly List<StabilityDay> _closed = [];
    private readonly List<Finding> _findings = [];
    private readonly List<CrossCheckDiscrepancy> _discrepancies = [];
    private readonly List<string> _files = [];
    private readonly DateTimeOffset _start;
    private readonly DateOnly _startDate;
    private readonly string _output;
    private readonly DailySettings _settings;
    private readonly int _persistentCount;
    private DateOnly? _lastCreated;
    private int _ticksRun;
    private int _skipped;
    private int _failed;
    private int _emptyRun;
    private DateTimeOffset _emptyStart;

    public StabilityRunState(DateTimeOffset start, string output, DailySettings settings, int persistentCount)
    {
        _start = start;
        _startDate = DateOnly.FromDateTime(start.UtcDateTime);
        _output = output;
        _settings = settings;
        _persistentCount = persistentCount;
    }

    public MetricSnapshot? Previous { get; private set; }

    public StabilityDayState DayOf(DateTimeOffset time)
    {
        var date = DateOnly.FromDateTime(time.UtcDateTime);
        if (_open.TryGetValue(date, out var day))
        {
            return day;
        }

        // Days the clock jumped over still get a summary (without data).
        for (var d = _lastCreated?.AddDays(1) ?? date; d <= date; d = d.AddDays(1))
        {
            day = new StabilityDayState(d, d.DayNumber - _startDate.DayNumber + 1, _settings, _output);
            Directory.CreateDirectory(day.RawDirectory);
            _open.Add(d, day);
        }

        _lastCreated = date;
        return day!;
    }

    public void Skip(DateTimeOffset due)
    {
        DayOf(due).Skipped++;
        _skipped++;
    }

    public void Fail(StabilityDayState day, DateTimeOffset due, string why)
    {
        day.Ticks++;
        day.Failed++;
        day.FirstFailure ??= Text($"{due:HH:mm}: {why}");
        _ticksRun++;
        _failed++;
    }

    public void AddDiscrepancies(StabilityDayState day, DateTimeOffset due, IReadOnlyList<CrossCheckDiscrepancy> discrepancies)
    {
        day.Discrepancies += discrepancies.Count;
        _discrepancies.AddRange(discrepancies);
        foreach (var d in discrepancies)
        {
            _findings.Add(new Finding(DiscrepancyRule, AlertSeverity.Warning, Text($"{due:O}: {d.Message}")) { Metric = d.Metric, Observed = d.TrustedValue, Threshold = d.Allowed });
        }
    }

    public void Add(StabilityDayState day, DateTimeOffset due, MetricSnapshot snapshot, bool empty, ILogger logger)
    {
        day.Ticks++;
        _ticksRun++;
        if (empty)
        {
            day.Empty++;
            if (_emptyRun++ == 0)
            {
                _emptyStart = due;
            }

            if (_emptyRun == _persistentCount)
            {
                _findings.Add(new Finding(FindingRules.DataGapPersistent, AlertSeverity.Error, Text($"The source has been quiet for {_emptyRun} snapshots since {_emptyStart:O} ({SignalCategories.CollectEmptySource}): check the exporter or the collector.")));
            }
        }
        else
        {
            EndEmptyRun();
            day.Collected++;
        }

        var date = DateOnly.FromDateTime(snapshot.Timestamp.UtcDateTime);
        if (_open.TryGetValue(date, out var owner))
        {
            owner.Aggregator.Add(snapshot);
        }
        else
        {
            var note = Text($"the snapshot collected at {due:O} is timed {snapshot.Timestamp:O}, on no open day of the run: not aggregated");
            day.Notes.Add(note);
            LogStraySnapshot(logger, note);
        }

        Previous = snapshot;
    }

    public async Task<IReadOnlyList<StabilityDay>> CloseDaysBeforeAsync(DateTimeOffset time, bool interrupted, ILogger logger, CancellationToken cancellationToken)
    {
        List<StabilityDay>? closed = null;
        while (_open.Count > 0 && _open.First().Value is { } day && day.End <= time)
        {
            (closed ??= []).Add(await CloseAsync(day, interrupted, time, logger, cancellationToken).ConfigureAwait(false));
        }

        return closed ?? (IReadOnlyList<StabilityDay>)[];
    }

    private void EndEmptyRun()
    {
        if (_emptyRun > 0 && _emptyRun < _persistentCount)
        {
            _findings.Add(new Finding(FindingRules.DataGapTransient, AlertSeverity.Warning, Text($"The source was quiet for {_emptyRun} snapshot(s) from {_emptyStart:O} ({SignalCategories.CollectEmptySource}); treated as a collection gap, not an outage.")));
        }

        _emptyRun = 0;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 54, Level = LogLevel.Warning, Message = "Stability monitor: {Note}")]
    private static partial void LogStraySnapshot(ILogger logger, string note);
}
