namespace Observability.Eval.Storm;

/// <summary>A clock that moves only when told: a second per batch, as in <c>AlertStormBenchmarks</c>.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Step(TimeSpan by) => _now += by;
}
