namespace Observability.Internal;

/// <summary>What an alert read back from a file or a store (the outbox, the alert state) needs to be used as a new one.</summary>
internal static class StoredAlert
{
    /// <summary>
    /// Gives the optional members a stored alert left out (or wrote as <c>null</c>) their defaults, as a new alert has them;
    /// returns the alert itself when none is missing.
    /// </summary>
    public static Alert WithDefaults(Alert alert)
        => alert.Message is null || alert.Source is null || alert.Labels is null || alert.Links is null || alert.Context is null
            ? alert with
            {
                Message = alert.Message ?? string.Empty,
                Source = alert.Source ?? "observability",
                Labels = alert.Labels ?? new Dictionary<string, string>(),
                Links = alert.Links ?? [],
                Context = alert.Context ?? new Dictionary<string, object?>(),
            }
            : alert;
}
