namespace Observability;

/// <summary>The short form of a trace id shown in alerts and logs: its first 8 characters, <c>unknown</c> when there is none.</summary>
public static class TraceFingerprint
{
    /// <summary>The fingerprint of a trace without an id.</summary>
    public const string Unknown = "unknown";

    /// <summary>The fingerprint of <paramref name="traceId"/>.</summary>
    /// <param name="traceId">The trace id, or <see langword="null"/>.</param>
    /// <returns>The first 8 characters (the whole id when shorter); <c>unknown</c> when the id is null, empty or blank.</returns>
    public static string Of(string? traceId)
    {
        if (string.IsNullOrWhiteSpace(traceId))
        {
            return Unknown;
        }

        var trimmed = traceId.Trim();
        return trimmed.Length <= 8 ? trimmed : trimmed[..8];
    }
}
