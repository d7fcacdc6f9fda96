namespace Observability;

/// <summary>
/// How far two sources may disagree on a metric: the values agree when |a - b| is at most
/// <see cref="Absolute"/> or at most <see cref="Relative"/> x max(|a|, |b|), whichever is larger.
/// </summary>
/// <param name="Relative">The relative tolerance, a fraction (0.05 = 5 %); at least 0.</param>
/// <param name="Absolute">The absolute tolerance, in the metric's unit; at least 0.</param>
public sealed record MetricTolerance(double Relative, double Absolute = 0)
{
    /// <summary>Gets the allowed difference between two values under this tolerance.</summary>
    /// <param name="a">One value.</param>
    /// <param name="b">The other value.</param>
    /// <returns>max(<see cref="Absolute"/>, <see cref="Relative"/> x max(|a|, |b|)).</returns>
    public double Allowed(double a, double b) => Math.Max(Absolute, Relative * Math.Max(Math.Abs(a), Math.Abs(b)));
}
