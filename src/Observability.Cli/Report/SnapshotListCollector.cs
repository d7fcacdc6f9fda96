namespace Observability.Cli.Report;

/// <summary>Snapshots already read, served to a monitoring pass window by window.</summary>
internal sealed class SnapshotListCollector(string name, IReadOnlyList<MetricSnapshot> snapshots) : ICollector
{
    public string Name => name;

    public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inside = snapshots.Where(s => window.Contains(s.Timestamp)).ToArray();
        return Task.FromResult(inside.Length == 0
            ? CollectionResult.NoData(name, "no snapshot in the window")
            : CollectionResult.Success(name, inside));
    }
}
