namespace Observability.Internal;

/// <summary>The file alert state of <see cref="AlertingOptions.StateDirectory"/>, or none: one instance serves as the dedupe store and the alert state store.</summary>
/// <param name="Store">The store, or <see langword="null"/> when no state directory is configured.</param>
internal sealed record FileAlertState(FileAlertStateStore? Store);
