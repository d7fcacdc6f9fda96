using System.Globalization;

namespace Observability.Cli.Stability;

/// <summary>Shows the run as it goes: a line per closed day, a progress line every 6 hours of data, and warnings on stderr.</summary>
internal sealed class ConsoleProgress(TextWriter output, TextWriter errors) : IProgress<StabilityProgress>
{
    public void Report(StabilityProgress value)
    {
        if (value.Skipped > 0)
        {
            errors.WriteLine($"warning: behind schedule, skipped {value.Skipped} tick(s) before {value.Time:yyyy-MM-dd HH:mm}");
        }

        if (value.Outcome == StabilityTickOutcome.Failed)
        {
            errors.WriteLine($"warning: {value.Message}");
        }

        foreach (var day in value.DaysClosed)
        {
            output.WriteLine(DayLine(day));
        }

        if (value.Tick % 12 == 0 || value.Tick == value.TicksPlanned)
        {
            var percent = value.Tick * 100 / value.TicksPlanned;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{percent,3}%] tick {value.Tick}/{value.TicksPlanned} at {value.Time:yyyy-MM-dd HH:mm}"));
        }
    }

    public static string DayLine(StabilityDay day)
    {
        var s = day.Summary;
        var availability = s.Availability.Average is { } a ? (a * 100).ToString("0.###", CultureInfo.InvariantCulture) + " %" : "n/a";
        var drift = s.Drift.AveragePercent is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Label}: {s.Completeness.Actual}/{s.Completeness.Expected} snapshots ({s.Completeness.Percent} %), availability {availability}, drift {drift}, stability {s.Stability.Value:0} ({s.Stability.Grade}){(day.Partial ? ", partial" : string.Empty)}{(s.IsDegraded ? ", degraded" : string.Empty)}");
    }
}
