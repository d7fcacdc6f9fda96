namespace Observability;

/// <summary>
/// Mutes the alerts that satisfy every matcher between <see cref="StartsAt"/> and <see cref="EndsAt"/>:
/// a silence for a known problem or a maintenance window. Muted alerts are not sent; the findings behind them stay in
/// the health report, and <see cref="AlertPublishResult.Silenced"/> counts them.
/// </summary>
public sealed class AlertSilence
{
    /// <summary>Gets the label matchers (see <see cref="AlertMatcher"/>); at least one is required.</summary>
    public IList<string> Matchers { get; } = [];

    /// <summary>Gets or sets when the silence begins; <see langword="null"/> means it is already in force.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>Gets or sets when the silence expires (required: a silence never lasts forever).</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Gets or sets why, and who asked, for the log.</summary>
    public string? Comment { get; set; }
}
