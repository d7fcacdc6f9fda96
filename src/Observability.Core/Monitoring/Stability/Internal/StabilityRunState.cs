using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// The state of one stability run: the open days (by elapsed hours from the start: day = elapsed
/// hours / 24 + 1), the closed ones, the tick judge every snapshot goes through, the findings and counters.
/// </summary>
internal sealed partial class StabilityRunState
{
    private readonly SortedDictionary<int, StabilityDayState> _open = [];
    private readonly List<StabilityDay> _closed = [];
    private readonly List<Finding> _findings = [];
    private readonly List<CrossCheckDiscrepancy> _discrepancies = [];
    private readonly List<string> _files = [];
    private readonly DateTimeOffset _start;
    private readonly string _output;
    private readonly DailySettings _settings;
    private readonly TickJudge _judge;
    private int? _lastCreated;
    private int _ticksRun;
    private int _skipped;
    private int _failed;

    public StabilityRunState(DateTimeOffset start, string output, DailySettings settings)
    {
        _start = start;
        _output = output;
        _settings = settings;
        _judge = new TickJudge(settings.Thresholds);
    }

    public MetricSnapshot? Previous { get; private set; }

    public StabilityDayState DayOf(DateTimeOffset time)
    {
        var index = Math.Max(0, ElapsedDays.Index(_start, time));
        if (_open.TryGetValue(index, out var day))
        {
            return day;
        }

        // Days the clock jumped over still get a summary (without data).
        for (var i = _lastCreated + 1 ?? index; i <= index; i++)
        {
            day = new StabilityDayState(ElapsedDays.Start(_start, i), i + 1, _settings, _judge, _output);
            Directory.CreateDirectory(day.RawDirectory);
            _open.Add(i, day);
        }

        _lastCreated = index;
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
            _findings.Add(new Finding(RuleCatalogue.CrossCheckDiscrepancy, AlertSeverity.Warning, $"{Figures.Time(due)}: {d.Message}") { Metric = d.Metric, Observed = d.TrustedValue, Threshold = d.Allowed });
        }
    }

    /// <summary>Evaluates and judges a collected snapshot and adds it to the day it is timed on.</summary>
    /// <returns>The tick's judgement (what fires), and whether the snapshot was unusable (an empty source).</returns>
    public (TickJudgement Tick, SnapshotFacts Fact) Add(StabilityDayState day, DateTimeOffset due, MetricSnapshot snapshot, ILogger logger)
    {
        day.Ticks++;
        _ticksRun++;
        var fact = SnapshotFacts.Of(snapshot, Previous, _settings.Classifier, _settings.Thresholds);
        Previous = snapshot;
        if (fact.Usable)
        {
            day.Collected++;
        }
        else
        {
            day.Empty++;
        }

        var tick = _judge.Judge(fact);
        _findings.AddRange(tick.Started);
        var owner = ElapsedDays.Index(_start, snapshot.Timestamp) is var index && _open.TryGetValue(index, out var d) ? d : null;
        if (owner is not null)
        {
            owner.Aggregator.Add(fact, tick);
        }
        else
        {
            var note = Text($"the snapshot collected at {Figures.Time(due)} is timed {Figures.Time(snapshot.Timestamp)}, on no open day of the run: not aggregated");
            day.Notes.Add(note);
            LogStraySnapshot(logger, note);
        }

        return (tick, fact);
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

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 54, Level = LogLevel.Warning, Message = "Stability monitor: {Note}")]
    private static partial void LogStraySnapshot(ILogger logger, string note);
}
