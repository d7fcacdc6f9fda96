namespace Observability;

/// <summary>What an <see cref="IRegressionClassifier"/> concluded, how sure it is, and why.</summary>
/// <param name="Kind">The kind of regression, or <see cref="RegressionKind.InsufficientData"/>.</param>
/// <param name="Confidence">How sure the classifier is, in [0, 1]; 0 for insufficient data.</param>
/// <param name="Reason">A sentence a person can read, with the evidence totals.</param>
public sealed record RegressionClassification(RegressionKind Kind, double Confidence, string Reason)
{
    /// <summary>Gets the factors behind the answer: those for the winning kind first, then the symptoms, then those against.</summary>
    public IReadOnlyList<RegressionFactor> ContributingFactors { get; init; } = [];

    /// <summary>
    /// Gets the answer as a generic <see cref="Classification"/>, with the category <c>benign</c>,
    /// <c>performance_regression</c>, <c>environment_regression</c> or <c>insufficient_data</c> and the
    /// factors' evidence.
    /// </summary>
    /// <returns>The classification.</returns>
    public Classification ToClassification()
        => new(Category(Kind), Confidence, Reason) { Evidence = ContributingFactors.Select(static f => $"{f.Name}: {f.Evidence}").ToArray() };

    private static string Category(RegressionKind kind) => kind switch
    {
        RegressionKind.Benign => "benign",
        RegressionKind.PerformanceRegression => "performance_regression",
        RegressionKind.EnvironmentRegression => "environment_regression",
        _ => "insufficient_data",
    };
}
