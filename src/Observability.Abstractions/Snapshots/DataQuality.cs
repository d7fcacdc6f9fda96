namespace Observability;

/// <summary>The data quality of a snapshot: its status and, unless complete, the reason.</summary>
/// <param name="Status">How much of the snapshot the source delivered.</param>
/// <param name="Reason">Why the snapshot is not complete; <see langword="null"/> when it is.</param>
public readonly record struct DataQuality(DataQualityStatus Status, string? Reason = null)
{
    /// <summary>Gets the quality of a snapshot with every expected metric.</summary>
    public static DataQuality Complete => new(DataQualityStatus.Complete);

    /// <summary>Gets a value indicating whether the snapshot carries values that can be evaluated.</summary>
    public bool IsUsable => Status is DataQualityStatus.Complete or DataQualityStatus.Partial;

    /// <summary>Creates the quality of a snapshot with some metrics missing.</summary>
    /// <param name="reason">What is missing.</param>
    /// <returns>A partial quality.</returns>
    public static DataQuality Partial(string reason) => new(DataQualityStatus.Partial, reason);

    /// <summary>Creates the quality of a snapshot for which the source delivered nothing.</summary>
    /// <param name="reason">Why nothing was delivered.</param>
    /// <returns>An empty quality.</returns>
    public static DataQuality Empty(string reason) => new(DataQualityStatus.Empty, reason);

    /// <summary>Creates the quality of a snapshot the source could not deliver.</summary>
    /// <param name="reason">What failed.</param>
    /// <returns>A failed quality.</returns>
    public static DataQuality Failed(string reason) => new(DataQualityStatus.Failed, reason);

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";
}
