namespace Observability;

/// <summary>A half-open time range [<see cref="Start"/>, <see cref="End"/>) to collect samples for.</summary>
public readonly record struct CollectionWindow
{
    /// <summary>Initializes a new instance of the <see cref="CollectionWindow"/> struct.</summary>
    /// <param name="start">The inclusive start.</param>
    /// <param name="end">The exclusive end; must be after <paramref name="start"/>.</param>
    public CollectionWindow(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The window end ({end:O}) must be after its start ({start:O}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the inclusive start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the exclusive end.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Gets the length of the window.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Creates the window of the given length that ends at <paramref name="end"/>.</summary>
    /// <param name="end">The exclusive end.</param>
    /// <param name="length">The length; must be positive.</param>
    /// <returns>The window.</returns>
    public static CollectionWindow Ending(DateTimeOffset end, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        return new CollectionWindow(end - length, end);
    }

    /// <summary>Tells whether a time lies in the window.</summary>
    /// <param name="time">The time.</param>
    /// <returns><see langword="true"/> when <paramref name="time"/> is in [Start, End).</returns>
    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start:O}, {End:O})";
}
