using System.Globalization;

namespace Observability.Internal;

/// <summary>Invariant number formatting for canary reasons.</summary>
internal static class CanaryText
{
    /// <summary>Formats a value: two decimals from 1 up, four below, scientific for tiny values.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude == 0 ? "0"
            : magnitude >= 1 ? "0.##"
            : magnitude >= 0.0001 ? "0.####"
            : "0.##E+0";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a value with the metric's unit, if any.</summary>
    public static string Value(double? value, string? unit)
        => value is not { } v ? "n/a" : string.IsNullOrWhiteSpace(unit) ? Number(v) : $"{Number(v)} {unit}";

    /// <summary>Formats a p-value: four decimals, scientific below 0.0001.</summary>
    public static string P(double p)
        => p.ToString(p is 0 or >= 0.0001 ? "0.####" : "0.##E+0", CultureInfo.InvariantCulture);

    /// <summary>The metric's name as reasons show it, with "(critical)" when it is.</summary>
    public static string Title(CanaryMetricConfig config) => config.Critical ? $"{config.Name} (critical)" : config.Name;

    /// <summary>" (2 baseline, 1 canary NaN/Infinity samples dropped)" or empty.</summary>
    public static string Dropped(CanarySample baseline, CanarySample canary)
        => baseline.Dropped + canary.Dropped == 0
            ? string.Empty
            : $" ({baseline.Dropped} baseline, {canary.Dropped} canary NaN/Infinity samples dropped)";
}
