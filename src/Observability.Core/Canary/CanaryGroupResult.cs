namespace Observability;

/// <summary>The score of one metric group and how much it carried in the overall score.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Metrics">How many metrics the group has.</param>
/// <param name="Scored">How many of them counted (all but NoData, unless they must have data).</param>
/// <param name="Passed">How many of the scored metrics passed.</param>
/// <param name="Score">100 x passed / scored, or null when nothing was scored.</param>
/// <param name="Weight">
/// The weight the group carried in the overall score, in points out of 100, after unweighted groups
/// shared the remainder and groups without scored metrics were left out (0 for those).
/// </param>
/// <param name="Points">The points the group added to the overall score: <paramref name="Weight"/> x <paramref name="Score"/> / 100.</param>
internal sealed record CanaryGroupResult(string Name, int Metrics, int Scored, int Passed, double? Score, double Weight, double Points);
