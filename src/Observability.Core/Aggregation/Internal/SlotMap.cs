using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Which expected slots of a day (one per expected interval from midnight) have a usable snapshot;
/// order-free, O(1) per snapshot. Runs of empty slots become the completeness warnings.
/// </summary>
internal sealed class SlotMap(DateTimeOffset dayStart, TimeSpan interval, int slots)
{
    private const int MaxGapWarnings = 10;
    private readonly bool[] _filled = new bool[slots];

    public int Filled { get; private set; }

    public int Missing => _filled.Length - Filled;

    public void Mark(long offsetTicks)
    {
        var slot = (int)(offsetTicks / interval.Ticks);
        if (!_filled[slot])
        {
            _filled[slot] = true;
            Filled++;
        }
    }

    /// <summary>One warning per run of empty slots, the first ten of them, then a count of the rest.</summary>
    public void AddGapWarnings(List<string> warnings)
    {
        var runs = 0;
        var hiddenRuns = 0;
        var hiddenSlots = 0;
        for (var i = 0; i < _filled.Length; i++)
        {
            if (_filled[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < _filled.Length && !_filled[i + 1])
            {
                i++;
            }

            var length = i - start + 1;
            if (++runs <= MaxGapWarnings)
            {
                warnings.Add(length == 1
                    ? $"missing 1 snapshot at {Time(start)}"
                    : $"missing {length} snapshots between {Time(start)} and {Time(i)}");
            }
            else
            {
                hiddenRuns++;
                hiddenSlots += length;
            }
        }

        if (hiddenRuns > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"and {hiddenRuns} more gaps with {hiddenSlots} missing snapshots"));
        }
    }

    private string Time(int slot)
    {
        var time = dayStart + (interval * slot);
        return time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
