namespace Observability.Internal;

/// <summary>
/// The extreme (maximum or minimum) of the last N samples in amortized O(1) per sample: a ring
/// deque, allocated once, of the samples that can still become the extreme, ordered by age, each
/// with its sequence number so that it leaves when it falls out of the window.
/// </summary>
internal sealed class MonotonicDeque
{
    private readonly double[] _values;
    private readonly long[] _sequences;
    private readonly bool _keepsMaximum;
    private int _head;
    private int _length;

    public MonotonicDeque(int capacity, bool keepsMaximum)
    {
        _values = new double[capacity];
        _sequences = new long[capacity];
        _keepsMaximum = keepsMaximum;
    }

    /// <summary>Gets the extreme of the window (NaN when empty).</summary>
    public double Extreme => _length > 0 ? _values[_head] : double.NaN;

    /// <summary>Adds sample number <paramref name="sequence"/>; samples numbered at or below sequence - N leave.</summary>
    public void Add(double value, long sequence)
    {
        var capacity = _values.Length;
        while (_length > 0 && _sequences[_head] <= sequence - capacity)
        {
            _head = _head + 1 == capacity ? 0 : _head + 1;
            _length--;
        }

        // A newer sample at least as extreme makes the older ones irrelevant for the rest of their lives.
        while (_length > 0)
        {
            var last = _head + _length - 1;
            if (last >= capacity)
            {
                last -= capacity;
            }

            if (_keepsMaximum ? _values[last] > value : _values[last] < value)
            {
                break;
            }

            _length--;
        }

        var tail = _head + _length;
        if (tail >= capacity)
        {
            tail -= capacity;
        }

        _values[tail] = value;
        _sequences[tail] = sequence;
        _length++;
    }

    /// <summary>Forgets every sample.</summary>
    public void Clear()
    {
        _head = 0;
        _length = 0;
    }
}
