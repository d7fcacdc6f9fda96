namespace Observability;

/// <summary>
/// A timestamped set of named metric values from one source, with its data quality.
/// Metric names follow <see cref="WellKnownMetrics"/> where they can; ratios are in [0, 1].
/// </summary>
public sealed class MetricSnapshot
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>(0, StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="MetricSnapshot"/> class.</summary>
    /// <param name="timestamp">When the values were measured.</param>
    /// <param name="source">The source that delivered the values (for example a collector's name).</param>
    /// <param name="metrics">The values by metric name; copied.</param>
    /// <param name="quality">The data quality; when omitted, complete if any value is present and empty otherwise.</param>
    public MetricSnapshot(DateTimeOffset timestamp, string source, IEnumerable<KeyValuePair<string, double>> metrics, DataQuality? quality = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(metrics);

        var copy = new Dictionary<string, double>(metrics.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
        foreach (var (name, value) in metrics)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(metrics));
            copy[name] = value;
        }

        Timestamp = timestamp;
        Source = source;
        Metrics = copy.Count == 0 ? NoMetrics : copy;
        Quality = quality ?? (copy.Count == 0 ? DataQuality.Empty("the source delivered no values") : DataQuality.Complete);
    }

    /// <summary>Gets when the values were measured.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the source that delivered the values.</summary>
    public string Source { get; }

    /// <summary>Gets the values by metric name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Gets the data quality of the snapshot.</summary>
    public DataQuality Quality { get; }

    /// <summary>Gets the value of a metric, or <see langword="null"/> when it is absent or not a finite number.</summary>
    /// <param name="name">The metric name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Metrics.TryGetValue(name, out var value) && double.IsFinite(value) ? value : null;
    }

    /// <summary>Creates a snapshot for which the source delivered nothing.</summary>
    /// <param name="timestamp">When the source was read.</param>
    /// <param name="source">The source.</param>
    /// <param name="reason">Why nothing was delivered.</param>
    /// <returns>An empty snapshot.</returns>
    public static MetricSnapshot CreateEmpty(DateTimeOffset timestamp, string source, string reason)
        => new(timestamp, source, NoMetrics, DataQuality.Empty(reason));

    /// <inheritdoc />
    public override string ToString() => $"{Timestamp:O} {Source} ({Metrics.Count} metrics, {Quality.Status})";
}
