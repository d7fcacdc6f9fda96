namespace Observability.Internal;

/// <summary>One open day of a stability run (24 hours by elapsed time from the run's start): its aggregator and tick counts.</summary>
internal sealed class StabilityDayState
{
    public StabilityDayState(DateTimeOffset start, int number, DailySettings settings, TickJudge judge, string output)
    {
        Number = number;
        Aggregator = new DailyAggregator(start, settings, number, judge);
        RawDirectory = Path.Combine(output, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"day_{number:00}_raw"));
    }

    public int Number { get; }

    public DateTimeOffset Start => Aggregator.Start;

    public DateTimeOffset End => Aggregator.End;

    public string Label => FormattableString.Invariant($"day {Number} (from {Figures.Time(Start)})");

    public DailyAggregator Aggregator { get; }

    public string RawDirectory { get; }

    public int Ticks { get; set; }

    public int Collected { get; set; }

    public int Empty { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    public int Discrepancies { get; set; }

    public string? FirstFailure { get; set; }

    public List<string> Notes { get; } = [];
}
