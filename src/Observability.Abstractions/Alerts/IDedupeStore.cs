namespace Observability;

/// <summary>
/// Remembers which alert fingerprints were sent recently, so that one condition makes one
/// notification per window. A shared store (for example Redis) extends this across replicas.
/// </summary>
public interface IDedupeStore
{
    /// <summary>
    /// Reserves <paramref name="key"/> for <paramref name="window"/> when it is free.
    /// </summary>
    /// <param name="key">The fingerprint.</param>
    /// <param name="window">How long the reservation lasts.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns><see langword="true"/> when the key was free (send the alert); <see langword="false"/> when it is still reserved (a duplicate).</returns>
    ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);
}
