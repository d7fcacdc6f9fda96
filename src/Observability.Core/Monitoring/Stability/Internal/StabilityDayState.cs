namespace Observability.Internal;

/// <summary>One open day of a stability run: its aggregator and tick counts.</summary>
internal sealed class StabilityDayState
{
    public StabilityDayState(DateOnly date, int number, DailySettings settings, string output)
    {
        Date = date;
        Number = number;
        Aggregator = new DailyAggregator(date, settings, number);
        RawDirectory = Path.Combine(output, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"day_{number:00}_raw"));
    }

    public DateOnly Date { get; }

    public int Number { get; }

    public DateTimeOffset End => Aggregator.Start.AddDays(1);

    public string Label => FormattableString.Invariant($"day {Number} ({Date:yyyy-MM-dd})");

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
