namespace Observability;

/// <summary>How many of the expected snapshots a day delivered, and what was missing.</summary>
/// <param name="Expected">Snapshots expected: 24 h / the expected interval, rounded up.</param>
/// <param name="Actual">Usable snapshots received (complete or partial data, not all zero).</param>
/// <param name="Unusable">Snapshots received without usable values (empty, failed, or every metric zero).</param>
/// <param name="Missing">Expected slots without a usable snapshot.</param>
/// <param name="Percent">(Expected - missing) / expected x 100: the share of slots covered, at most 100.</param>
/// <param name="Warnings">What a person should know, for example <c>missing 3 snapshots between 04:00 and 04:01</c> or <c>no data</c>.</param>
public sealed record DataCompleteness(int Expected, int Actual, int Unusable, int Missing, double Percent, IReadOnlyList<string> Warnings);
