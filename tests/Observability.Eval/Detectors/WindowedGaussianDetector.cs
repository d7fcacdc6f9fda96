namespace Observability.Eval.Detectors;

/// <summary>
/// The reference baseline, after NAB's <c>windowedGaussian</c>: the mean and standard deviation of a window of past
/// values (6400 by default, recomputed every 100 samples once full), and the score 1 - Q(|x - mean| / std), where Q
/// is the standard normal upper tail. It lives here, not in the library, as a yardstick only.
/// </summary>
internal sealed class WindowedGaussianDetector : IAnomalyDetector
{
    private readonly double[] _window;
    private readonly int _step;
    private int _count;
    private int _head;
    private int _sinceUpdate;
    private double _mean;
    private double _std = 1;

    /// <summary>Creates the detector with a window of <paramref name="windowSize"/> values, refreshed every <paramref name="stepSize"/> once full.</summary>
    public WindowedGaussianDetector(int windowSize = 6400, int stepSize = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        _window = new double[windowSize];
        _step = stepSize;
    }

    /// <inheritdoc />
    public string Name => "windowed-gaussian";

    /// <inheritdoc />
    public double Update(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var score = _count > 0 ? 1 - Statistics.UpperTail(Math.Abs(value - _mean) / _std) : 0;
        _window[_head] = value;
        _head = (_head + 1) % _window.Length;
        if (_count < _window.Length)
        {
            _count++;
            Refresh();
        }
        else if (++_sinceUpdate >= _step)
        {
            _sinceUpdate = 0;
            Refresh();
        }

        return score;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _count = _head = _sinceUpdate = 0;
        _mean = 0;
        _std = 1;
    }

    private void Refresh()
    {
        double sum = 0;
        for (var i = 0; i < _count; i++)
        {
            sum += _window[i];
        }

        _mean = sum / _count;
        double squares = 0;
        for (var i = 0; i < _count; i++)
        {
            squares += (_window[i] - _mean) * (_window[i] - _mean);
        }

        _std = Math.Sqrt(squares / _count);
        if (_std == 0)
        {
            _std = 0.000001;
        }
    }
}
