namespace Observability.Internal;

/// <summary>Count, sum, minimum and maximum of a stream of values, in O(1) space.</summary>
internal struct RunningStat
{
    private double _sum;
    private double _min;
    private double _max;

    public int Count { get; private set; }

    public readonly double? Mean => Count == 0 ? null : _sum / Count;

    public readonly double? Min => Count == 0 ? null : _min;

    public readonly double? Max => Count == 0 ? null : _max;

    public void Add(double value)
    {
        if (Count == 0)
        {
            _min = _max = value;
        }
        else if (value < _min)
        {
            _min = value;
        }
        else if (value > _max)
        {
            _max = value;
        }

        _sum += value;
        Count++;
    }
}
