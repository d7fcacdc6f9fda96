namespace Observability.Internal;

/// <summary>
/// Lets a surprise through only when it beats the bar left by the last one that got through: the bar holds for
/// <c>window</c> samples, then decays by e^(-1/window) per sample. NAB-style scoring pays only the first detection of
/// an anomaly but charges every repeat, and an operator wants one alert per incident, not one per sample.
/// </summary>
internal struct DefaultRepeatSuppressor
{
    private readonly int _window;
    private readonly double _decay;
    private double _bar;
    private int _age;

    /// <summary>Creates a suppressor that holds a bar for <paramref name="window"/> samples (0: lets everything through).</summary>
    public DefaultRepeatSuppressor(int window)
    {
        _window = window;
        _decay = window > 0 ? Math.Exp(-1.0 / window) : 0;
    }

    /// <summary>Returns <paramref name="surprise"/> when it beats the bar (and raises the bar to it), otherwise 0.</summary>
    public double Filter(double surprise)
    {
        if (_window == 0)
        {
            return surprise;
        }

        if (++_age > _window)
        {
            _bar *= _decay;
        }

        if (surprise > _bar)
        {
            _bar = surprise;
            _age = 0;
            return surprise;
        }

        return 0;
    }

    /// <summary>Drops the bar.</summary>
    public void Reset()
    {
        _bar = 0;
        _age = 0;
    }
}
