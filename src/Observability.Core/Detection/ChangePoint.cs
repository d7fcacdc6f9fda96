namespace Observability;

/// <summary>A level shift a change-point detector (<see cref="CusumDetector"/>, <see cref="PageHinkleyDetector"/>) reported.</summary>
/// <param name="Index">
/// The zero-based position, among every sample fed since construction or the last reset (ignored NaN
/// samples included, so it is the index into the caller's own sequence), of the sample at which the
/// change was detected. The shift itself started at or a few samples before it.
/// </param>
/// <param name="Timestamp">The timestamp of that sample.</param>
/// <param name="Value">The value of that sample.</param>
/// <param name="Direction">Whether the level rose or fell.</param>
public readonly record struct ChangePoint(long Index, DateTimeOffset Timestamp, double Value, ChangeDirection Direction);
