using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Which expected slots of a day (one per expected interval from midnight) have a usable snapshot;
/// order-free, O(1) per snapshot. Runs of empty slots become the completeness warnings.
/// </summary>
internal sealed class SlotMap(DateTimeOffset dayStart, TimeSpan interval, int slots)
{
    private const int MaxGapWarnings = 10;

    // One bit per slot: 2 880 slots of 30 s take 360 bytes.
    private readonly ulong[] _filled = new ulong[(slots + 63) / 64];

    public int Filled { get; private set; }

    public int Missing => slots - Filled;

    public void Mark(long offsetTicks)
    {
        var slot = (int)(offsetTicks / interval.Ticks);
        ref var word = ref _filled[slot >> 6];
        var bit = 1UL << (slot & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            Filled++;
        }
    }

    /// <summary>One warning per run of empty slots, the first ten of them, then a count of the rest.</summary>
    public void AddGapWarnings(List<string> warnings)
    {
        var runs = 0;
        var hiddenRuns = 0;
        var hiddenSlots = 0;
        for (var i = 0; i < slots; i++)
        {
            if (IsFilled(i))
            {
                continue;
            }

            var start = i;
            while (i + 1 < slots && !IsFilled(i + 1))
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

    private bool IsFilled(int slot) => (_filled[slot >> 6] & (1UL << (slot & 63))) != 0;

    private string Time(int slot)
    {
        var time = dayStart + (interval * slot);
        return time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
