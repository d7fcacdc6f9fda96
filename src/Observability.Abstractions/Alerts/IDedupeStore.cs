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

    /// <summary>
    /// Frees a reservation early, for example when no sink could deliver the alert, so that the
    /// next pass tries again instead of treating the undelivered alert as sent.
    /// </summary>
    /// <param name="key">The fingerprint.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the reservation is gone.</returns>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
