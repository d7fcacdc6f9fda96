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
    private readonly double _maxBar;
    private double _bar;
    private int _age;

    /// <summary>
    /// Creates a suppressor that holds a bar for <paramref name="window"/> samples (0: lets everything through). The bar
    /// never exceeds <paramref name="maxBar"/>, so even an enormous surprise blocks only for a bounded time.
    /// </summary>
    public DefaultRepeatSuppressor(int window, double maxBar)
    {
        _maxBar = maxBar;
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
            _bar = Math.Min(surprise, _maxBar);
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
