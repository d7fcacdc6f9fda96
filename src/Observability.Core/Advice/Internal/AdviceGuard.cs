using System.Globalization;
using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>Argument checks of the advice model's init accessors; the parameter name is the property's.</summary>
internal static class AdviceGuard
{
    /// <summary>A finite number, or null.</summary>
    public static double? Finite(double? value, [CallerMemberName] string name = "")
        => value is { } v && !double.IsFinite(v)
            ? throw new ArgumentOutOfRangeException(name, v, $"{name} must be a finite number (was {Text(v)}).")
            : value;

    /// <summary>A number in [min, max], or null.</summary>
    public static double? InRange(double? value, double min, double max, string hint, [CallerMemberName] string name = "")
        => value is { } v && (!double.IsFinite(v) || v < min || v > max)
            ? throw new ArgumentOutOfRangeException(name, v, $"{name} must lie in [{Text(min)}, {Text(max)}] (was {Text(v)}); {hint}")
            : value;

    /// <summary>A number that is not below min, or null.</summary>
    public static double? AtLeast(double? value, double min, string hint, [CallerMemberName] string name = "")
        => value is { } v && (!double.IsFinite(v) || v < min)
            ? throw new ArgumentOutOfRangeException(name, v, $"{name} must be a finite number of at least {Text(min)} (was {Text(v)}); {hint}")
            : value;

    /// <summary>A count that is not negative.</summary>
    public static int Count(int value, [CallerMemberName] string name = "")
        => value < 0
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative (was {value.ToString(CultureInfo.InvariantCulture)}).")
            : value;

    /// <summary>A duration that is not negative, or null.</summary>
    public static TimeSpan? NotNegative(TimeSpan? value, [CallerMemberName] string name = "")
        => value is { } v && v < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(name, v, $"{name} must not be negative (was {v.ToString("c", CultureInfo.InvariantCulture)}).")
            : value;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
