namespace Observability;

/// <summary>One problem met while collecting: what it was and where.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">A description safe to log (no secrets).</param>
/// <param name="Location">Where the problem is, for example <c>line 12, field 'error_rate'</c>; <see langword="null"/> when not applicable.</param>
public sealed record CollectionError(CollectionErrorKind Kind, string Message, string? Location = null)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? $"{Kind}: {Message}" : $"{Kind} at {Location}: {Message}";
}
