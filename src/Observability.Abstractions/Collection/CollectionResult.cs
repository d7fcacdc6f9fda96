namespace Observability;

/// <summary>What a collector returned: its snapshots and what failed.</summary>
public sealed class CollectionResult
{
    private CollectionResult(string collectorName, CollectionStatus status, IReadOnlyList<MetricSnapshot> snapshots, IReadOnlyList<CollectionError> errors, IReadOnlyList<string>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectorName);
        CollectorName = collectorName;
        Status = status;
        Snapshots = snapshots;
        Errors = errors;
        Warnings = warnings ?? [];
    }

    /// <summary>Gets the name of the collector that produced the result.</summary>
    public string CollectorName { get; }

    /// <summary>Gets the outcome.</summary>
    public CollectionStatus Status { get; }

    /// <summary>Gets the snapshots read, oldest first.</summary>
    public IReadOnlyList<MetricSnapshot> Snapshots { get; }

    /// <summary>Gets the problems met; empty on success.</summary>
    public IReadOnlyList<CollectionError> Errors { get; }

    /// <summary>
    /// Gets what the source said was doubtful about an answer it still gave (for example Prometheus' <c>warnings</c>), in the
    /// order met; empty when there was nothing. Warnings do not change <see cref="Status"/>: the data were kept.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Gets a value indicating whether at least one snapshot was read.</summary>
    public bool HasData => Snapshots.Count > 0;

    /// <summary>Creates a successful result.</summary>
    /// <param name="collectorName">The collector's name.</param>
    /// <param name="snapshots">The snapshots read; when empty the result is <see cref="CollectionStatus.NoData"/>.</param>
    /// <returns>The result.</returns>
    public static CollectionResult Success(string collectorName, IEnumerable<MetricSnapshot> snapshots)
    {
        var list = Order(snapshots);
        return list.Length == 0
            ? NoData(collectorName, "the source returned no samples for the window")
            : new CollectionResult(collectorName, CollectionStatus.Success, list, []);
    }

    /// <summary>Creates the result of a collection that kept some input and rejected the rest.</summary>
    /// <param name="collectorName">The collector's name.</param>
    /// <param name="snapshots">The snapshots that were accepted.</param>
    /// <param name="errors">What was rejected and where; at least one.</param>
    /// <returns>The result.</returns>
    public static CollectionResult Partial(string collectorName, IEnumerable<MetricSnapshot> snapshots, IEnumerable<CollectionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var errorList = errors.ToArray();
        if (errorList.Length == 0)
        {
            throw new ArgumentException("A partial result needs at least one error.", nameof(errors));
        }

        return new CollectionResult(collectorName, CollectionStatus.Partial, Order(snapshots), errorList);
    }

    /// <summary>Creates the result of a source that answered with nothing for the window.</summary>
    /// <param name="collectorName">The collector's name.</param>
    /// <param name="reason">Why there is nothing.</param>
    /// <returns>The result.</returns>
    public static CollectionResult NoData(string collectorName, string reason)
        => new(collectorName, CollectionStatus.NoData, [], [new CollectionError(CollectionErrorKind.NoData, reason)]);

    /// <summary>Creates the result of a source that could not be read.</summary>
    /// <param name="collectorName">The collector's name.</param>
    /// <param name="error">What failed.</param>
    /// <returns>The result.</returns>
    public static CollectionResult Failed(string collectorName, CollectionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new CollectionResult(collectorName, CollectionStatus.Failed, [], [error]);
    }

    /// <summary>Returns a copy of this result with <paramref name="warnings"/> added after the warnings it already has.</summary>
    /// <param name="warnings">The warnings to attach, each a non-blank text safe to log (no secrets).</param>
    /// <returns>The copy; this instance when <paramref name="warnings"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="warnings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A warning is <see langword="null"/>, empty or blank.</exception>
    public CollectionResult WithWarnings(IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var added = warnings.ToArray();
        for (var i = 0; i < added.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(added[i]))
            {
                throw new ArgumentException($"The warning at position {i} is null or blank; a warning must say what is doubtful.", nameof(warnings));
            }
        }

        return added.Length == 0 ? this : new CollectionResult(CollectorName, Status, Snapshots, Errors, [.. Warnings, .. added]);
    }

    /// <inheritdoc />
    public override string ToString() => Warnings.Count == 0
        ? $"{CollectorName}: {Status}, {Snapshots.Count} snapshots, {Errors.Count} errors"
        : $"{CollectorName}: {Status}, {Snapshots.Count} snapshots, {Errors.Count} errors, {Warnings.Count} warnings";

    private static MetricSnapshot[] Order(IEnumerable<MetricSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        // OrderBy is stable: snapshots with the same timestamp keep the source's order.
        return snapshots.OrderBy(static s => s.Timestamp).ToArray();
    }
}
