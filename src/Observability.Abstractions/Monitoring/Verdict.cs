namespace Observability;

/// <summary>The decision of a pass and the findings that explain it.</summary>
/// <param name="Decision">What to do with the release.</param>
/// <param name="Summary">One sentence a person can read.</param>
/// <param name="Reasons">The findings that decided, most severe first.</param>
public sealed record Verdict(Decision Decision, string Summary, IReadOnlyList<Finding> Reasons);
