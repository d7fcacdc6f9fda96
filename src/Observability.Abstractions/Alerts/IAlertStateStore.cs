namespace Observability;

/// <summary>
/// Keeps the alert pipeline's memory of firing alerts outside the process: per pass scope, each alert with when it
/// was first and last seen and last notified. These are the alerts a later pass resolves when its condition clears,
/// and the sources of inhibition, so that successive one-shot runs (or several replicas) behave like one long-lived
/// process. Without a store the memory lives in the process (the default).
/// </summary>
/// <remarks>
/// Entries are opaque JSON documents written by the pipeline, keyed by alert fingerprint; a store keeps them as they
/// are. The pipeline reads the whole state before it decides on a published batch and writes what it changed after;
/// a store that fails throws, and the pipeline goes on with its own memory, logs it, and writes the changes again
/// on its next publish. Dedupe decisions stay with <see cref="IDedupeStore"/>.
/// </remarks>
public interface IAlertStateStore
{
    /// <summary>Reads every entry held.</summary>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The entries by fingerprint.</returns>
    ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies changes as one unit, merged with what other writers saved meanwhile: an entry is replaced (or added),
    /// a <see langword="null"/> value removes it, and entries not named are left as they are.
    /// </summary>
    /// <param name="changes">The changed entries by fingerprint; <see langword="null"/> removes one.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the changes are stored.</returns>
    ValueTask SaveAsync(IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default);
}
