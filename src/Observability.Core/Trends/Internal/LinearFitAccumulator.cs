namespace Observability.Internal;

/// <summary>
/// Streaming least squares: running means and co-moments (Welford), so the fit is stable however
/// far the times are from the epoch and costs O(1) per point. x is hours since the first point added.
/// </summary>
internal struct LinearFitAccumulator
{
    private DateTimeOffset _origin;
    private DateTimeOffset _start;
    private DateTimeOffset _end;
    private int _count;
    private double _meanX;
    private double _meanY;
    private double _sxx;
    private double _syy;
    private double _sxy;

    public void Add(DateTimeOffset time, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        if (_count == 0)
        {
            _origin = _start = _end = time;
        }
        else
        {
            _start = time < _start ? time : _start;
            _end = time > _end ? time : _end;
        }

        var x = (time - _origin).TotalHours;
        _count++;
        var dx = x - _meanX;
        var dy = value - _meanY;
        _meanX += dx / _count;
        _meanY += dy / _count;
        _sxx += dx * (x - _meanX);
        _syy += dy * (value - _meanY);
        _sxy += dx * (value - _meanY);
    }

    public readonly LinearTrend? Build()
    {
        if (_count < 2 || _sxx <= 0)
        {
            return null;
        }

        var slope = _sxy / _sxx;
        var interceptAtOrigin = _meanY - (slope * _meanX);
        var intercept = interceptAtOrigin + (slope * (_start - _origin).TotalHours);
        var rSquared = _syy <= 0 ? 1 : Math.Clamp(_sxy * _sxy / (_sxx * _syy), 0, 1);
        return new LinearTrend(_start, _end, _count, slope, intercept, rSquared);
    }
}
