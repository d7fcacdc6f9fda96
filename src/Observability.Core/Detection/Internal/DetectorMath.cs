using System.Globalization;

namespace Observability.Internal;

/// <summary>The arithmetic and the argument guards the streaming detectors share.</summary>
internal static class DetectorMath
{
    /// <summary>
    /// A standard deviation at or below this fraction of the values' magnitude counts as zero, and a
    /// difference that small counts as no change: it is rounding, not variation.
    /// </summary>
    public const double RelativeTolerance = 1e-12;

    /// <summary>
    /// The z-score of <paramref name="value"/> against <paramref name="mean"/> and
    /// <paramref name="standardDeviation"/>. With a zero spread (a perfectly constant history) it is 0
    /// when the value equals the mean and signed infinity when it differs: never a division by zero.
    /// </summary>
    public static double StandardScore(double value, double mean, double standardDeviation)
    {
        var difference = value - mean;
        var tolerance = RelativeTolerance * Math.Max(Math.Abs(value), Math.Abs(mean));
        if (standardDeviation > tolerance)
        {
            return difference / standardDeviation;
        }

        if (Math.Abs(difference) <= tolerance)
        {
            return 0;
        }

        return difference > 0 ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>Throws unless <paramref name="value"/> is at least <paramref name="minimum"/>.</summary>
    public static int AtLeast(int value, int minimum, string paramName, string what)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be at least {minimum}; got {value}.");
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is a finite number greater than 0.</summary>
    public static double Positive(double value, string paramName, string what)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be a finite number greater than 0; got {Format(value)}.");
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is a finite number of at least 0.</summary>
    public static double NonNegative(double value, string paramName, string what)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be a finite number of at least 0; got {Format(value)}.");
        }

        return value;
    }

    /// <summary>Formats a number for an exception message, in the invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
