namespace Observability;

/// <summary>
/// Pulls metric snapshots from a source for a time window. Implementations never throw for
/// a failure of the source: they return a <see cref="CollectionResult"/> that says what failed.
/// Only the caller's own cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// </summary>
public interface ICollector
{
    /// <summary>Gets the collector's name, unique among the registered collectors.</summary>
    string Name { get; }

    /// <summary>Collects the snapshots measured within <paramref name="window"/>, oldest first.</summary>
    /// <param name="window">The window to collect.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The snapshots and, when something failed, what and where.</returns>
    Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default);
}
