namespace Observability;

/// <summary>One tick of a <see cref="StabilityMonitor"/> run, reported as it happens.</summary>
/// <param name="Tick">The tick's number, 1 for the first; skipped ticks count too.</param>
/// <param name="TicksPlanned">How many ticks the whole run has.</param>
/// <param name="Time">The tick's scheduled time.</param>
/// <param name="Outcome">What the tick got.</param>
/// <param name="Skipped">How many ticks were skipped just before this one because the monitor was behind schedule.</param>
/// <param name="Message">What happened, for a person.</param>
/// <param name="DaysClosed">The days whose boundary this tick passed, aggregated and written; usually empty.</param>
public sealed record StabilityProgress(int Tick, int TicksPlanned, DateTimeOffset Time, StabilityTickOutcome Outcome, int Skipped, string Message, IReadOnlyList<StabilityDay> DaysClosed);
