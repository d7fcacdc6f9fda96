namespace Observability;

/// <summary>One row of the rule catalogue: what a finding's rule means, how its numbers read and what it does.</summary>
/// <param name="Id">The rule's identity, as findings and alerts carry it (for example <c>error_rate_critical</c>); match it in routes and silences.</param>
/// <param name="Category">The label category (<c>error_rate</c>, <c>health</c>, <c>slo</c>, <c>regression</c>, <c>trend</c>, <c>anomaly</c>, <c>processor</c>, <c>data_quality</c>, <c>cost</c>).</param>
/// <param name="Title">The alert title, with <c>{service}</c> standing for the service: stable text without measured numbers.</param>
/// <param name="Unit">The unit of the observed value and the threshold.</param>
/// <param name="Effect">What a finding of the rule does to the verdict.</param>
/// <param name="Alerts">Whether a finding of the rule (warning or above) becomes an alert; otherwise it only explains, in the verdict and the reports.</param>
/// <param name="Flag">The flag name the specifications use for the condition (for example <c>collect_empty_source</c>), when there is one.</param>
public sealed record RuleDefinition(string Id, string Category, string Title, ValueUnit Unit, RuleEffect Effect, bool Alerts, string? Flag = null)
{
    /// <summary>Gets the title for a service.</summary>
    /// <param name="service">The service name.</param>
    /// <returns>The title.</returns>
    public string TitleFor(string service) => Title.Replace("{service}", service, StringComparison.Ordinal);
}
