namespace Observability;

/// <summary>Alert counts by severity and how many hours had no alert at all.</summary>
/// <param name="Info">Alerts of severity <see cref="AlertSeverity.Info"/>.</param>
/// <param name="Warning">Alerts of severity <see cref="AlertSeverity.Warning"/>.</param>
/// <param name="Error">Alerts of severity <see cref="AlertSeverity.Error"/>.</param>
/// <param name="Critical">Alerts of severity <see cref="AlertSeverity.Critical"/>.</param>
/// <param name="AlertFreeHours">Whole clock hours (UTC) without any alert: 24 for a quiet day; summed over the days of a week.</param>
public sealed record AlertAggregate(int Info, int Warning, int Error, int Critical, int AlertFreeHours)
{
    /// <summary>Gets the number of alerts of every severity.</summary>
    public int Total => Info + Warning + Error + Critical;
}
