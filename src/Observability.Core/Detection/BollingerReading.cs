namespace Observability;

/// <summary>
/// What a <see cref="BollingerBandDetector"/> made of one sample: the bands it was compared with (from
/// the window before the sample), its position between them (%b) and whether it fell outside.
/// </summary>
/// <remarks>
/// While the detector warms up, and for an ignored (NaN or infinite) sample, the bands are those of the
/// window so far, %b is 0.5, the score is 0 and the sample is not outside; see <see cref="Status"/>.
/// </remarks>
internal readonly record struct BollingerReading
{
    /// <summary>Gets the sample's value.</summary>
    public double Value { get; init; }

    /// <summary>Gets the middle band: the mean of the window before the sample.</summary>
    public double Middle { get; init; }

    /// <summary>Gets the upper band: middle + k standard deviations.</summary>
    public double Upper { get; init; }

    /// <summary>Gets the lower band: middle - k standard deviations.</summary>
    public double Lower { get; init; }

    /// <summary>
    /// Gets %b, the value's position between the bands: (value - lower) / (upper - lower); 0 on the lower
    /// band, 0.5 on the middle, 1 on the upper, beyond [0, 1] outside. With bands of zero width (a
    /// window of identical values) it is 0.5 for that value and positive or negative infinity otherwise.
    /// </summary>
    public double PercentB { get; init; }

    /// <summary>Gets whether the value is strictly above the upper band (on the band is inside).</summary>
    public bool IsAbove { get; init; }

    /// <summary>Gets whether the value is strictly below the lower band (on the band is inside).</summary>
    public bool IsBelow { get; init; }

    /// <summary>Gets whether the value is outside the bands, above or below.</summary>
    public bool IsOutside => IsAbove || IsBelow;

    /// <summary>
    /// Gets the anomaly score in [0, 1]: min(|%b - 0.5|, 1), which is |z| / (2k) capped at 1: 0 on the
    /// middle band, 0.5 on either band, 1 at twice the band's distance from the middle or beyond.
    /// </summary>
    public double Score { get; init; }

    /// <summary>Gets whether the sample was scored, only learned during warm-up, or ignored.</summary>
    public AnomalyReadingStatus Status { get; init; }
}
