namespace Observability;

/// <summary>
/// Mutes target alerts while a source alert fires with the same values of the <see cref="Equal"/>
/// labels, as Alertmanager's inhibit rules do. The default rule: a critical alert mutes the warnings
/// and information of the same service and category.
/// </summary>
public sealed class AlertInhibitionRule
{
    /// <summary>Gets the matchers the muting (source) alert satisfies, for example <c>severity=critical</c>.</summary>
    public IList<string> SourceMatchers { get; } = [];

    /// <summary>Gets the matchers the muted (target) alerts satisfy, for example <c>severity=~warning|info</c>.</summary>
    public IList<string> TargetMatchers { get; } = [];

    /// <summary>Gets the labels whose values must be equal in source and target, for example <c>service</c>.</summary>
    public IList<string> Equal { get; } = [];

    /// <summary>Creates the default rule: <c>severity=critical</c> mutes <c>severity=~warning|info</c> with equal <c>service</c> and <c>category</c>.</summary>
    /// <returns>The rule.</returns>
    public static AlertInhibitionRule CriticalMutesWarnings()
    {
        var rule = new AlertInhibitionRule();
        rule.SourceMatchers.Add("severity=critical");
        rule.TargetMatchers.Add("severity=~warning|info");
        rule.Equal.Add(AlertLabels.Service);
        rule.Equal.Add(AlertLabels.Category);
        return rule;
    }
}
