namespace Observability;

/// <summary>The meaning a classifier gave a signal.</summary>
/// <param name="Category">The category, for example one of <see cref="SignalCategories"/>.</param>
/// <param name="Confidence">How sure the classifier is, in [0, 1].</param>
/// <param name="Reason">A sentence a person can read.</param>
public sealed record Classification(string Category, double Confidence, string Reason)
{
    /// <summary>Gets the facts that led to the category (matched patterns, measured values).</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Category} ({Confidence:P0}): {Reason}";
}
