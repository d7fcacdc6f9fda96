using System.Globalization;

namespace Observability.Eval.Storm;

/// <summary>One size and kind of the comparison: the medians of both sides' wall times.</summary>
/// <param name="Kind"><c>storm</c> (distinct alerts, new to both sides) or <c>repeats</c> (the same alerts again, right after).</param>
/// <param name="Distinct">The distinct alerts.</param>
/// <param name="Library">The library's median time.</param>
/// <param name="Alertmanager">Alertmanager's median time.</param>
internal sealed record StormLine(string Kind, int Distinct, TimeSpan Library, TimeSpan Alertmanager)
{
    /// <summary>The library's alerts per second.</summary>
    public double LibraryPerSecond => Distinct / Library.TotalSeconds;

    /// <summary>Alertmanager's alerts per second.</summary>
    public double AlertmanagerPerSecond => Distinct / Alertmanager.TotalSeconds;

    /// <summary>The library's rate over Alertmanager's.</summary>
    public double Ratio => Alertmanager.TotalSeconds / Library.TotalSeconds;

    /// <summary>The library's microseconds per alert.</summary>
    public double LibraryMicrosecondsPerAlert => Library.TotalMicroseconds / Distinct;

    /// <summary>Alertmanager's microseconds per alert.</summary>
    public double AlertmanagerMicrosecondsPerAlert => Alertmanager.TotalMicroseconds / Distinct;

    /// <summary>
    /// <c>storm distinct=10000 library_per_s=198000 alertmanager_per_s=12000 ratio=16.50 library_us_per_alert=5.05 alertmanager_us_per_alert=83.33</c>.
    /// </summary>
    public string Format()
        => string.Create(CultureInfo.InvariantCulture,
            $"{Kind} distinct={Distinct} library_per_s={LibraryPerSecond:F0} alertmanager_per_s={AlertmanagerPerSecond:F0} ratio={Ratio:F2} "
            + $"library_us_per_alert={LibraryMicrosecondsPerAlert:F2} alertmanager_us_per_alert={AlertmanagerMicrosecondsPerAlert:F2}");
}
