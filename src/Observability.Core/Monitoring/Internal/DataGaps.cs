namespace Observability.Internal;

/// <summary>Finds runs of consecutive unusable snapshots.</summary>
internal static class DataGaps
{
    public static IReadOnlyList<DataGap> Find(IReadOnlyList<ClassifiedSnapshot> snapshots, int persistentAfter)
    {
        var gaps = new List<DataGap>();
        var start = -1;
        for (var i = 0; i <= snapshots.Count; i++)
        {
            var unusable = i < snapshots.Count && !snapshots[i].Usable;
            if (unusable && start < 0)
            {
                start = i;
            }
            else if (!unusable && start >= 0)
            {
                var length = i - start;
                gaps.Add(new DataGap(
                    snapshots[start].Snapshot.Timestamp,
                    snapshots[i - 1].Snapshot.Timestamp,
                    length,
                    snapshots[start].Classification.Category,
                    length >= persistentAfter));
                start = -1;
            }
        }

        return gaps;
    }
}
